package io.srs.sip.multipart;

/**
 * A body we cannot split or a Content-Type we cannot read. The message is one line, says what was
 * seen and what was expected, and is safe to put in a SIP reason phrase.
 */
public final class MultipartException extends Exception {
  private static final long serialVersionUID = 1L;

  public MultipartException(String message) {
    super(message);
  }
}
