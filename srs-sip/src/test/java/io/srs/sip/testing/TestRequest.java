package io.srs.sip.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds raw SIP request text, the way an SRC (or SIPp) puts it on the wire. */
public final class TestRequest {
  private final String method;
  private String transport = "UDP";
  private int serverPort = 5060;
  private int localPort = 5080;
  private String callId = "call-1@192.0.2.10";
  private String fromTag = "src-tag-1";
  private String toTag;
  private String branch = "z9hG4bK-1";
  private int cseq = 1;
  private String cseqMethod;
  private String contact = "<sip:src@127.0.0.1:5080>;+sip.src";
  private String requestUri;
  private final List<String> extra = new ArrayList<>();
  private String contentType;
  private String body = "";

  private TestRequest(String method) {
    this.method = method;
    this.cseqMethod = method;
  }

  public static TestRequest of(String method) {
    return new TestRequest(method);
  }

  /**
   * A request from {@code client} to the server on {@code serverPort} in call {@code callId}, on a
   * fresh branch (a new transaction) as a real client sends it.
   */
  public static TestRequest from(
      RawSipClient client, int serverPort, String method, String callId) {
    return of(method)
        .ports(client.localPort(), serverPort)
        .callId(callId)
        .branch("z9hG4bK-" + java.util.UUID.randomUUID());
  }

  public TestRequest transport(String value) {
    transport = value;
    return this;
  }

  public TestRequest ports(int local, int server) {
    localPort = local;
    serverPort = server;
    contact = "<sip:src@127.0.0.1:" + local + ">;+sip.src";
    return this;
  }

  public TestRequest callId(String value) {
    callId = value;
    return this;
  }

  public TestRequest fromTag(String value) {
    fromTag = value;
    return this;
  }

  public TestRequest toTag(String value) {
    toTag = value;
    return this;
  }

  public TestRequest branch(String value) {
    branch = value;
    return this;
  }

  public TestRequest cseq(int number, String forMethod) {
    cseq = number;
    cseqMethod = forMethod;
    return this;
  }

  /** A Request-URI of its own; by default {@code sip:srs@127.0.0.1:<server port>}. */
  public TestRequest requestUri(String value) {
    requestUri = value;
    return this;
  }

  public TestRequest contact(String value) {
    contact = value;
    return this;
  }

  public TestRequest header(String name, String value) {
    extra.add(name + ": " + value);
    return this;
  }

  public TestRequest body(String type, String content) {
    contentType = type;
    body = content;
    return this;
  }

  public String build() {
    StringBuilder text = new StringBuilder();
    String uri = requestUri != null ? requestUri : "sip:srs@127.0.0.1:" + serverPort;
    text.append(method).append(' ').append(uri).append(" SIP/2.0\r\n");
    text.append("Via: SIP/2.0/")
        .append(transport)
        .append(" 127.0.0.1:")
        .append(localPort)
        .append(";branch=")
        .append(branch)
        .append("\r\n");
    text.append("Max-Forwards: 70\r\n");
    text.append("From: <sip:src@example.com>;tag=").append(fromTag).append("\r\n");
    text.append("To: <sip:srs@example.com>");
    if (toTag != null) {
      text.append(";tag=").append(toTag);
    }
    text.append("\r\n");
    text.append("Call-ID: ").append(callId).append("\r\n");
    text.append("CSeq: ").append(cseq).append(' ').append(cseqMethod).append("\r\n");
    if (contact != null) {
      text.append("Contact: ").append(contact).append("\r\n");
    }
    for (String line : extra) {
      text.append(line).append("\r\n");
    }
    if (contentType != null) {
      text.append("Content-Type: ").append(contentType).append("\r\n");
    }
    text.append("Content-Length: ")
        .append(body.getBytes(StandardCharsets.UTF_8).length)
        .append("\r\n\r\n");
    text.append(body);
    return text.toString();
  }
}
