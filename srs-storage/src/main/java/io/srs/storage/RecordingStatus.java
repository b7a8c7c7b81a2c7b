package io.srs.storage;

import io.srs.core.session.EndReason;

/**
 * How a finished recording is filed, in the sidecar's {@code status} and the index's {@code status}
 * column alike: one rule in one place, so the two never disagree.
 */
public enum RecordingStatus {
  /** Everything the call produced is in the vault (the end reason says how the call ended). */
  COMPLETE("complete"),
  /** The call was cut short on our side (shutdown, error) or finalised by recovery. */
  INCOMPLETE("incomplete");

  private final String value;

  RecordingStatus(String value) {
    this.value = value;
  }

  /** The spelling stored in the sidecar and the index. */
  public String value() {
    return value;
  }

  /**
   * {@link #INCOMPLETE} when we ended the call ourselves ({@link EndReason#SHUTDOWN}, {@link
   * EndReason#ERROR}), the recovery pass finalised it ({@link EndReason#RECOVERED}) or the reason
   * is unknown; {@link #COMPLETE} otherwise, including {@link EndReason#MEDIA_TIMEOUT} and {@link
   * EndReason#SESSION_EXPIRED}, where the SRC stopped and we recorded all it sent.
   */
  public static RecordingStatus of(EndReason reason) {
    if (reason == null) {
      return INCOMPLETE;
    }
    return switch (reason) {
      case SHUTDOWN, ERROR, RECOVERED -> INCOMPLETE;
      case BYE, CANCEL, NO_ACK, MEDIA_TIMEOUT, SESSION_EXPIRED -> COMPLETE;
    };
  }
}
