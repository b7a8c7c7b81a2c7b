package io.srs.core.session;

/** Why a recording session ended; written to the sidecar and the completion log line. */
public enum EndReason {
  /** The SRC sent BYE (RFC 7866 §8.1.3). */
  BYE,
  /** The SRC cancelled the INVITE before it was answered (RFC 3261 §9). */
  CANCEL,
  /** Our 2xx was never acknowledged (RFC 3261 §13.3.1.4: 64*T1 without ACK). */
  NO_ACK,
  /** No media on any stream for the configured inactivity timeout (the BYE never came). */
  MEDIA_TIMEOUT,
  /** The RFC 4028 session timer expired without a refresh. */
  SESSION_EXPIRED,
  /** The daemon stopped while the call was in progress. */
  SHUTDOWN,
  /** Media or storage failed during the call. */
  ERROR,
  /**
   * The process died with the call in progress (kill -9, crash, power loss): the start-up recovery
   * pass finalised what lay on disk. No SIP dialog survives it, so nothing is sent to the SRC.
   */
  RECOVERED;

  /**
   * True when the SRC itself ended the call (its BYE or CANCEL): it knows, so nothing is sent back.
   * Every other reason is the recorder's decision, and the SRC is told with a BYE (RFC 3261 §15).
   */
  public boolean endedBySrc() {
    return this == BYE || this == CANCEL;
  }
}
