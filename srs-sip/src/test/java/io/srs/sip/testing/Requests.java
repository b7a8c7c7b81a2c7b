package io.srs.sip.testing;

import io.srs.sip.SipTransport;
import io.srs.sip.message.DialogKey;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.message.SipHeaders;
import io.srs.sip.message.TransactionKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds {@link InboundRequest}s directly, for handler tests without sockets. */
public final class Requests {
  public static final Instant RECEIVED = Instant.parse("2026-11-25T18:50:46Z");

  private final String method;
  private String callId = "call-1@192.0.2.10";
  private String fromTag = "src-tag";
  private String toTag;
  private String branch = "z9hG4bK-1";
  private final SipHeaders.Builder headers = SipHeaders.builder();
  private byte[] body = new byte[0];

  private Requests(String method) {
    this.method = method;
  }

  private String remote = "192.0.2.10";

  public static Requests of(String method) {
    return new Requests(method);
  }

  /** A SIPREC INVITE: Require: siprec, +sip.src Contact, multipart SDP and metadata. */
  public static Requests siprecInvite() {
    return of("INVITE")
        .header("Require", "siprec")
        .header("Contact", "<sip:src@192.0.2.10>;+sip.src")
        .body(Bodies.MULTIPART_TYPE, Bodies.multipart(Bodies.SDP, Bodies.METADATA));
  }

  public Requests callId(String value) {
    callId = value;
    return this;
  }

  public Requests toTag(String value) {
    toTag = value;
    return this;
  }

  public Requests branch(String value) {
    branch = value;
    return this;
  }

  public Requests header(String name, String value) {
    headers.add(name, value);
    return this;
  }

  /** The source address (192.0.2.10 by default). */
  public Requests remote(String ip) {
    remote = ip;
    return this;
  }

  public Requests body(String contentType, String content) {
    headers.add("Content-Type", contentType);
    body = content.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  public InboundRequest build() {
    return new InboundRequest(
        method,
        "sip:srs@192.0.2.1",
        callId,
        "sip:src@example.com",
        "sip:srs@example.com",
        headers.build(),
        body,
        SipTransport.UDP,
        new InetSocketAddress(remote, 5060),
        RECEIVED,
        new DialogKey(callId, fromTag, toTag),
        new TransactionKey(branch, remote + ":5060"));
  }
}
