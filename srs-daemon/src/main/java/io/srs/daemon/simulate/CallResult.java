package io.srs.daemon.simulate;

import java.util.Objects;

/**
 * How one simulated call ended.
 *
 * @param answered the INVITE got a 2xx
 * @param succeeded every request of the call (INVITE, re-INVITEs, BYE) got a 2xx
 * @param failure why it failed: a SIP status ({@code "486"}), {@code "timeout"} or {@code "error"};
 *     null when it succeeded
 * @param setupNanos INVITE sent to 200 received, or -1 when never answered
 * @param packetsSent RTP packets sent on both streams
 * @param detail a one-line explanation for the log, or null
 */
public record CallResult(
    boolean answered,
    boolean succeeded,
    String failure,
    long setupNanos,
    long packetsSent,
    String detail) {

  public CallResult {
    if (succeeded) {
      if (failure != null || !answered) {
        throw new IllegalArgumentException("a successful call is answered and has no failure");
      }
    } else {
      Objects.requireNonNull(failure, "a failed call says why");
    }
  }

  public static CallResult success(long setupNanos, long packetsSent) {
    return new CallResult(true, true, null, setupNanos, packetsSent, null);
  }

  public static CallResult failed(
      boolean answered, String failure, long setupNanos, long packetsSent, String detail) {
    return new CallResult(answered, false, failure, setupNanos, packetsSent, detail);
  }
}
