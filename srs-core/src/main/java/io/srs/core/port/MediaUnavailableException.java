package io.srs.core.port;

/** No media resources for a new call (ports exhausted, bind failed): answer 503. */
public final class MediaUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public MediaUnavailableException(String message) {
    super(message);
  }

  public MediaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
