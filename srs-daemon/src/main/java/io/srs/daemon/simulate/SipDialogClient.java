package io.srs.daemon.simulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * The UAC side of one SIPREC dialog (RFC 7866 §7.1): INVITE, ACK, re-INVITE, BYE over a {@link
 * SipTransport}. Client transactions are blocking with a bounded wait; over UDP requests are
 * retransmitted on RFC 3261 §17.1 timers (T1 doubling, capped at T2). A BYE or OPTIONS the recorder
 * sends is answered 200 while a transaction waits.
 */
final class SipDialogClient {
  /** RFC 3261 §17.1.1.1 T1 and T2. */
  static final Duration T1 = Duration.ofMillis(500);

  static final Duration T2 = Duration.ofSeconds(4);

  /** Thrown when no final response arrived in time. */
  static final class SipTimeoutException extends IOException {
    SipTimeoutException(String message) {
      super(message);
    }
  }

  private final SipTransport transport;
  private final CallIdentity call;
  private final String targetUri;
  private final Duration responseTimeout;
  private final String userAgent;
  private final Random random;
  private final String fromTag;
  private long cseq;
  private String toHeader;
  private String remoteTarget;
  private volatile boolean remoteHungUp;

  SipDialogClient(
      SipTransport transport,
      InetSocketAddress target,
      CallIdentity call,
      Duration responseTimeout,
      String userAgent,
      Random random) {
    this.transport = transport;
    this.call = call;
    this.targetUri =
        "sip:srs@" + target.getHostString() + ":" + target.getPort() + transport.uriParameter();
    this.responseTimeout = responseTimeout;
    this.userAgent = userAgent;
    this.random = random;
    this.fromTag = Long.toHexString(random.nextLong());
    this.toHeader = "<" + targetUri + ">";
    this.remoteTarget = targetUri;
  }

  /** The recorder sent BYE: the dialog is over from its side. */
  boolean remoteHungUp() {
    return remoteHungUp;
  }

  /** Sends the initial INVITE and returns its final response (2xx establishes the dialog). */
  SipMessage invite(String contentType, String body, Map<String, String> extraHeaders)
      throws IOException {
    StringBuilder extra = new StringBuilder("Require: siprec\r\n");
    extraHeaders.forEach(
        (name, value) -> extra.append(name).append(": ").append(value).append("\r\n"));
    return inviteTransaction(contentType, body, extra.toString());
  }

  /** A re-INVITE in the dialog (RFC 3261 §14.1); its 2xx is acknowledged here. */
  SipMessage reInvite(String contentType, String body) throws IOException {
    return inviteTransaction(contentType, body, "");
  }

  /** Ends the dialog (RFC 3261 §15.1.1) and returns the final response to BYE. */
  SipMessage bye() throws IOException {
    long number = ++cseq;
    String branch = branch();
    return transaction(
        request("BYE", number, branch) + "Content-Length: 0\r\n\r\n", number, "BYE", false);
  }

  private SipMessage inviteTransaction(String contentType, String body, String extraHeaders)
      throws IOException {
    long number = ++cseq;
    String branch = branch();
    int length = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    String message =
        request("INVITE", number, branch)
            + "Contact: <sip:src@"
            + hostPort()
            + transport.uriParameter()
            + ">;+sip.src\r\n"
            + extraHeaders
            + "Content-Type: "
            + contentType
            + "\r\nContent-Length: "
            + length
            + "\r\n\r\n"
            + body;
    SipMessage response = transaction(message, number, "INVITE", true);
    if (response.status() >= 300) {
      // RFC 3261 §17.1.1.3: a non-2xx final is acknowledged in the same transaction.
      String to = response.header("to");
      String ack = request("ACK", number, branch, to == null ? toHeader : to);
      transport.send(ack + "Content-Length: 0\r\n\r\n");
    } else {
      // RFC 3261 §12.1.2 and §12.2.1.2: the 2xx sets (or refreshes) the remote target, and
      // §13.2.2.4: its ACK is the dialog's first request, sent there. Behind a proxy such as a
      // load balancer, the Request-URI of the INVITE was the proxy, not the recorder.
      updateDialog(response);
      transport.send(request("ACK", number, branch()) + "Content-Length: 0\r\n\r\n");
    }
    return response;
  }

  /** The To tag and the Contact of a 2xx: the dialog's remote tag and remote target. */
  private void updateDialog(SipMessage response) {
    String to = response.header("to");
    if (to != null) {
      toHeader = to;
    }
    String contact = response.header("contact");
    if (contact != null && contact.indexOf('<') >= 0 && contact.indexOf('>') > 0) {
      remoteTarget = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
    }
  }

  private SipMessage transaction(String message, long number, String method, boolean invite)
      throws IOException {
    long deadline = System.nanoTime() + responseTimeout.toNanos();
    Duration interval = T1;
    boolean retransmit = !transport.reliable();
    long nextSend = System.nanoTime();
    while (true) {
      long now = System.nanoTime();
      if (retransmit && now >= nextSend) {
        transport.send(message);
        nextSend = now + interval.toNanos();
        interval = interval.multipliedBy(2).compareTo(T2) > 0 ? T2 : interval.multipliedBy(2);
      } else if (!retransmit && nextSend != Long.MAX_VALUE) {
        transport.send(message);
        nextSend = Long.MAX_VALUE;
      }
      long wait = Math.min(deadline, nextSend) - now;
      if (deadline - now <= 0) {
        throw new SipTimeoutException(
            "no final response to " + method + " within " + responseTimeout.toMillis() + " ms");
      }
      String text = transport.receive(Duration.ofNanos(Math.max(wait, 1_000_000)));
      if (text == null) {
        continue;
      }
      SipMessage received;
      try {
        received = SipMessage.parse(text);
      } catch (IllegalArgumentException e) {
        continue; // not SIP: dropped, as a UA must (RFC 3261 §18.3)
      }
      if (!received.isResponse()) {
        answer(received);
        continue;
      }
      if (received.cseqNumber() != number || !received.cseqMethod().equals(method)) {
        continue; // a late retransmission of an earlier transaction's response
      }
      if (received.status() >= 200) {
        return received;
      }
      if (invite) {
        retransmit = false; // RFC 3261 §17.1.1.2: a provisional stops INVITE retransmission
        nextSend = Long.MAX_VALUE;
      }
    }
  }

  /** Answers a request from the recorder: 200 to BYE and OPTIONS, 405 to anything else. */
  private void answer(SipMessage request) throws IOException {
    String method = request.method();
    if (method.equals("ACK")) {
      return;
    }
    int status = method.equals("BYE") || method.equals("OPTIONS") ? 200 : 405;
    if (method.equals("BYE")) {
      remoteHungUp = true;
    }
    StringBuilder response =
        new StringBuilder("SIP/2.0 ")
            .append(status)
            .append(status == 200 ? " OK" : " Method Not Allowed")
            .append("\r\n");
    for (String via : request.headers("via")) {
      response.append("Via: ").append(via).append("\r\n");
    }
    for (String name : new String[] {"From", "To", "Call-ID", "CSeq"}) {
      String value = request.header(name);
      if (value != null) {
        response.append(name).append(": ").append(value).append("\r\n");
      }
    }
    response.append("Content-Length: 0\r\n\r\n");
    transport.send(response.toString());
  }

  private String request(String method, long number, String branch) {
    return request(method, number, branch, toHeader);
  }

  private String request(String method, long number, String branch, String to) {
    String uri = number == 1 && method.equals("INVITE") ? targetUri : remoteTarget;
    return method
        + " "
        + uri
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/"
        + transport.viaName()
        + " "
        + hostPort()
        + ";rport;branch="
        + branch
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:src@"
        + CallIdentity.DOMAIN
        + ">;tag="
        + fromTag
        + "\r\n"
        + "To: "
        + to
        + "\r\n"
        + "Call-ID: "
        + call.callId()
        + "\r\n"
        + "CSeq: "
        + number
        + " "
        + method
        + "\r\n"
        + "User-Agent: "
        + userAgent
        + "\r\n";
  }

  private String hostPort() {
    InetSocketAddress local = transport.localAddress();
    return local.getAddress().getHostAddress() + ":" + local.getPort();
  }

  /** RFC 3261 §8.1.1.7: the magic cookie, then a value unique per transaction. */
  private String branch() {
    return "z9hG4bK" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
  }
}
