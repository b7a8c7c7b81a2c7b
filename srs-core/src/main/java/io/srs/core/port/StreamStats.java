package io.srs.core.port;

import java.time.Instant;

/**
 * What the media side saw on one stream: the proof of completeness in the sidecar.
 *
 * @param streamIndex the m-line index
 * @param packetsReceived RTP packets accepted for the stream (duplicates and late ones included)
 * @param packetsExpected packets the sequence numbers say were sent (RFC 3550 §A.3)
 * @param packetsLost expected but never received in time: filled with silence
 * @param packetsLate arrived after their place on the timeline was written; dropped
 * @param packetsDuplicate a second copy of a packet already placed; dropped
 * @param packetsDiscarded not RTP, a payload type not negotiated, or from another source
 * @param samplesWritten the track's final length in samples, silence included
 * @param silenceSamples of which silence inserted for gaps, lead-in and tail
 * @param firstSsrc the first SSRC seen, or -1 when no packet came
 * @param ssrcChanges how many times the SSRC changed mid-stream
 * @param firstPacketAt when the first packet arrived, or null
 * @param packetsAuthFailed SRTP packets whose authentication tag did not verify, or whose MKI was
 *     not our key's (RFC 3711 §3.3): dropped. A stream where every packet fails is silence: this
 *     count says why
 * @param packetsReplayed SRTP packets rejected by the replay list (RFC 3711 §3.3.2): a second copy,
 *     or older than the window; dropped
 */
public record StreamStats(
    int streamIndex,
    long packetsReceived,
    long packetsExpected,
    long packetsLost,
    long packetsLate,
    long packetsDuplicate,
    long packetsDiscarded,
    long samplesWritten,
    long silenceSamples,
    long firstSsrc,
    int ssrcChanges,
    Instant firstPacketAt,
    long packetsAuthFailed,
    long packetsReplayed) {

  /**
   * These stats with the SRTP receiver's counts: the timeline side counts packets, the SRTP filter
   * in front of it counts what it refused.
   */
  public StreamStats withSrtp(long authFailed, long replayed) {
    return new StreamStats(
        streamIndex,
        packetsReceived,
        packetsExpected,
        packetsLost,
        packetsLate,
        packetsDuplicate,
        packetsDiscarded,
        samplesWritten,
        silenceSamples,
        firstSsrc,
        ssrcChanges,
        firstPacketAt,
        authFailed,
        replayed);
  }
}
