package io.srs.core.port;

/** Why a stretch of a track is silence we wrote rather than audio we received. */
public enum GapCause {
  /** Before the stream's first packet: the session's media had started on another stream. */
  LEAD_IN,
  /** Packets expected by sequence number never arrived (RFC 3550 §A.3). */
  LOSS,
  /** The sender sent nothing while the timestamps moved on: DTX or comfort noise (RFC 3389). */
  DTX,
  /** The SRC paused the stream (re-INVITE with {@code a=inactive}, RFC 7866 §8.1.3). */
  PAUSE,
  /** The SRC put the stream on hold ({@code a=sendonly}→{@code a=inactive} per stream). */
  HOLD,
  /** A new source (SSRC change, jump) was re-anchored by arrival time after a silence. */
  REANCHOR,
  /** After the stream's last packet, up to the session's end. */
  TAIL
}
