package io.srs.core.metadata;

/**
 * A metadata body we refuse to use. The message says what was seen and what was expected; it is
 * safe to put in a SIP reason phrase (one line, no markup echoed back).
 */
public final class MetadataException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the body was refused; {@link #TOO_LARGE} maps to SIP 413. */
  public enum Kind {
    MALFORMED,
    FORBIDDEN_CONSTRUCT,
    TOO_LARGE,
    TOO_DEEP
  }

  private final Kind kind;

  public MetadataException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public MetadataException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
