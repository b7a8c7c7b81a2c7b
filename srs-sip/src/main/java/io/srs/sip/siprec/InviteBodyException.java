package io.srs.sip.siprec;

/**
 * An INVITE body we refuse. The kind picks the SIP status; the message is one line, fit for the
 * reason phrase.
 */
public final class InviteBodyException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the body is refused, with the status RFC 3261 §8.2.3 / §21.4 assigns. */
  public enum Kind {
    MALFORMED(400),
    TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  public InviteBodyException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
