package io.srs.sip.jain;

import io.srs.sip.SipTransport;
import io.srs.sip.message.DialogKey;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.message.TransactionKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Converts a JAIN-SIP request into our immutable {@link InboundRequest}. */
final class JainRequests {
  private JainRequests() {}

  static InboundRequest convert(
      Request request,
      SipTransport transport,
      String remoteIp,
      int remotePort,
      Instant receivedAt) {
    CallIdHeader callIdHeader = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    String callId = callIdHeader.getCallId();
    String fromTag = from.getTag();
    return new InboundRequest(
        request.getMethod(),
        request.getRequestURI().toString(),
        callId,
        uri(from.getAddress().getURI()),
        uri(to.getAddress().getURI()),
        JainHeaders.of(request),
        request.getRawContent(),
        transport,
        remote(remoteIp, remotePort),
        receivedAt,
        new DialogKey(callId, fromTag, to.getTag()),
        transactionKey(request, callId, fromTag));
  }

  /**
   * RFC 3261 §17.2.3: the top Via's branch and sent-by. A request without an RFC 3261 branch (RFC
   * 2543 peers) is keyed by Call-ID, From tag and CSeq number instead (§17.2.3, last paragraph,
   * simplified).
   */
  static TransactionKey transactionKey(Request request, String callId, String fromTag) {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    String sentBy = via.getHost() + ":" + via.getPort();
    String branch = via.getBranch();
    if (branch == null || !branch.startsWith("z9hG4bK")) {
      CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
      branch = "rfc2543:" + callId + ":" + fromTag + ":" + cseq.getSeqNumber();
    }
    return new TransactionKey(branch, sentBy);
  }

  private static String uri(URI uri) {
    return uri == null ? null : uri.toString();
  }

  private static InetSocketAddress remote(String ip, int port) {
    if (ip == null) {
      return null;
    }
    try {
      // An IP literal: no name lookup happens.
      return new InetSocketAddress(InetAddress.getByName(ip), Math.max(port, 0));
    } catch (UnknownHostException e) {
      return InetSocketAddress.createUnresolved(ip, Math.max(port, 0));
    }
  }
}
