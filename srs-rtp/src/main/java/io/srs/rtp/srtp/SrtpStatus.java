package io.srs.rtp.srtp;

/**
 * What {@code unprotect} made of one packet. Only {@link #OK} changes the packet or the context's
 * state (rollover counter, highest sequence number, replay list): a failed packet leaves both as
 * they were (RFC 3711 §3.3, steps 4-7 run only after the tag verified).
 */
public enum SrtpStatus {
  /** Authenticated (when the suite authenticates), decrypted in place, state advanced. */
  OK,
  /** Shorter than its header plus the trailer the suite adds (tag, MKI, SRTCP index). */
  TOO_SHORT,
  /** The MKI (RFC 3711 §3.1) is not the one our key was given with: not our key. */
  MKI_MISMATCH,
  /**
   * Already received, or older than the replay window (RFC 3711 §3.3.2); also a packet from before
   * the first one of its source across a sequence wrap, whose index cannot be known.
   */
  REPLAY_FAIL,
  /** The authentication tag does not verify: wrong key, tampered or forged (RFC 3711 §3.3). */
  AUTH_FAIL
}
