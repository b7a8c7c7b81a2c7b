package io.srs.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A response the handlers want sent, free of JAIN-SIP types. The adapter copies Via, From, To,
 * Call-ID and CSeq from the request (RFC 3261 §8.2.6.2) and adds the Server header.
 *
 * @param status the status code, 100..699
 * @param reason the reason phrase, one line
 * @param headers extra header fields, in order
 * @param contentType the body's Content-Type, or null without a body
 * @param body the body; empty without one
 * @param toTag the To tag to add when the request's To has none; null lets the adapter choose one
 */
public record Reply(
    int status,
    String reason,
    List<Header> headers,
    String contentType,
    byte[] body,
    String toTag) {

  /** Reason phrases are one line; longer ones are cut here so a peer's text cannot bloat them. */
  public static final int MAX_REASON_LENGTH = 200;

  /** One header field line. */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public Reply {
    if (status < 100 || status > 699) {
      throw new IllegalArgumentException("SIP status must be 100..699, was " + status);
    }
    reason = oneLine(Objects.requireNonNull(reason, "reason"));
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  public static Reply of(int status, String reason) {
    return new Reply(status, reason, List.of(), null, null, null);
  }

  public Reply withHeader(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new Reply(status, reason, more, contentType, body, toTag);
  }

  public Reply withBody(String type, byte[] content) {
    return new Reply(status, reason, headers, Objects.requireNonNull(type), content, toTag);
  }

  public Reply withReason(String newReason) {
    return new Reply(status, newReason, headers, contentType, body, toTag);
  }

  public Reply withToTag(String tag) {
    return new Reply(status, reason, headers, contentType, body, tag);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The first value of a header by exact (case-insensitive) name, or null. */
  public String header(String name) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return header.value();
      }
    }
    return null;
  }

  public boolean isFinal() {
    return status >= 200;
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("[\\x00-\\x1f\\x7f]+", " ").trim();
    return flat.length() <= MAX_REASON_LENGTH ? flat : flat.substring(0, MAX_REASON_LENGTH);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return status + " " + reason;
  }
}
