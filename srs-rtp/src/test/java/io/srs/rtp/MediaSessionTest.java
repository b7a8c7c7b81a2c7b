package io.srs.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srs.core.media.Codec;
import io.srs.core.port.GapCause;
import io.srs.core.port.MediaActivityListener;
import io.srs.core.port.MediaReport;
import io.srs.core.port.MediaSession;
import io.srs.core.port.MediaSessionSpec;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.StreamTimeline;
import io.srs.core.session.RecordingId;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions on real UDP sockets: inactivity, pause, and streams that stay in step. */
class MediaSessionTest {
  private static final int SAMPLES = 160;
  private static final long TICK_NANOS = 20_000_000L;
  private static final byte SILENCE = (byte) 0xFF;
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final int portMin = 2 * ThreadLocalRandom.current().nextInt(15_000, 20_000);
  private final List<Duration> inactive = new CopyOnWriteArrayList<>();
  private final MediaActivityListener listener = (id, silentFor) -> inactive.add(silentFor);
  private RtpMediaReceiverFactory factory;

  @BeforeEach
  void start() throws Exception {
    RtpSettings settings = RtpSettings.defaults().withPorts(portMin, portMin + 63).withIoThreads(1);
    factory = new RtpMediaReceiverFactory(settings, Clock.systemUTC(), System::nanoTime);
    factory.start();
  }

  @AfterEach
  void stop() throws Exception {
    factory.stop();
  }

  private MediaSession open(Duration timeout, InMemoryTrackSink... sinks) throws Exception {
    List<MediaStreamSpec> streams = new ArrayList<>();
    for (int i = 0; i < sinks.length; i++) {
      streams.add(new MediaStreamSpec(i, String.valueOf(i + 1), Codec.PCMU, 0, sinks[i]));
    }
    RecordingId id = RecordingId.generate(Instant.now(), new Random(11));
    return factory.open(
        new MediaSessionSpec(
            id,
            sinks.length,
            streams,
            timeout,
            listener,
            MediaSessionSpec.PauseMode.SILENCE,
            false));
  }

  private static byte[] rtp(int seq, long ts, long ssrc, byte[] payload) {
    ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
    packet.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt((int) ts);
    packet.putInt((int) ssrc).put(payload);
    return packet.array();
  }

  /** RFC 3550 §6.4.1 sender report, no report blocks. */
  private static byte[] senderReport(long ssrc, long ntpNanos, long rtpTimestamp) {
    long seconds = ntpNanos / 1_000_000_000L;
    long fraction = ((ntpNanos % 1_000_000_000L) << 32) / 1_000_000_000L;
    ByteBuffer sr = ByteBuffer.allocate(28);
    sr.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc);
    sr.putInt((int) seconds).putInt((int) fraction).putInt((int) rtpTimestamp);
    sr.putInt(0).putInt(0);
    return sr.array();
  }

  private static void send(DatagramSocket from, int port, byte[] packet) throws Exception {
    from.send(new DatagramPacket(packet, packet.length, new InetSocketAddress(LOOPBACK, port)));
  }

  /** ITU-T G.711 mu-law encoding of one linear sample (for a tone the test can recognise). */
  private static byte mulaw(int sample) {
    int sign = sample < 0 ? 0x80 : 0;
    int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | exponent << 4 | mantissa);
  }

  /** 20 ms of a 1 kHz cosine (never the silence code), packet k of the tone. */
  private static byte[] tone(int k) {
    byte[] payload = new byte[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      payload[i] = mulaw((int) (8000 * Math.cos(2 * Math.PI * 1000 * (k * SAMPLES + i) / 8000)));
    }
    return payload;
  }

  private static byte[] quiet() {
    byte[] payload = new byte[SAMPLES];
    java.util.Arrays.fill(payload, SILENCE);
    return payload;
  }

  private static int firstSound(byte[] track) {
    for (int i = 0; i < track.length; i++) {
      if (track[i] != SILENCE) {
        return i;
      }
    }
    return -1;
  }

  private static void sleepUntil(long deadline) {
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  @Test
  void mediaThatStopsIsReportedInactiveOnce() throws Exception {
    MediaSession session = open(Duration.ofMillis(300), InMemoryTrackSink.mulaw());
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      for (int n = 0; n < 3; n++) {
        send(socket, session.rtpPort(0), rtp(n, SAMPLES * n, 1, tone(n)));
      }
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> !inactive.isEmpty());
    Thread.sleep(500);

    assertThat(inactive).hasSize(1);
    assertThat(inactive.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void pausedSessionDoesNotTimeOutUntilItResumes() throws Exception {
    MediaSession session = open(Duration.ofMillis(200), InMemoryTrackSink.mulaw());
    session.setPaused(0, true, GapCause.HOLD);

    Thread.sleep(700);
    assertThat(inactive).isEmpty();

    session.setPaused(0, false, GapCause.HOLD);
    await().atMost(Duration.ofSeconds(5)).until(() -> inactive.size() == 1);
    MediaReport report = session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(report.timelines().get(0).gaps())
        .extracting(StreamTimeline.Gap::cause)
        .contains(GapCause.LEAD_IN); // no packet ever came: the origin is the open time
  }

  @Test
  void twoTonesStartingTogetherLineUpWithinTwentyMilliseconds() throws Exception {
    InMemoryTrackSink first = InMemoryTrackSink.mulaw();
    InMemoryTrackSink second = InMemoryTrackSink.mulaw();
    MediaSession session = open(Duration.ZERO, first, second);
    try (DatagramSocket a = new DatagramSocket(0, LOOPBACK);
        DatagramSocket b = new DatagramSocket(0, LOOPBACK)) {
      long start = System.nanoTime();
      for (int tick = 0; tick < 40; tick++) {
        sleepUntil(start + tick * TICK_NANOS);
        // Stream 0 sends 200 ms of quiet first; stream 1 starts with the tone at tick 10.
        byte[] payloadA = tick < 10 ? quiet() : tone(tick - 10);
        send(a, session.rtpPort(0), rtp(40_000 + tick, 123_456 + SAMPLES * tick, 0xA, payloadA));
        if (tick >= 10) {
          int k = tick - 10;
          send(b, session.rtpPort(1), rtp(7 + k, 999_000_000L + SAMPLES * k, 0xB, tone(k)));
        }
      }
    }
    Thread.sleep(50);
    MediaReport report = session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);

    int toneA = firstSound(first.bytes());
    int toneB = firstSound(second.bytes());
    assertThat(toneA).isEqualTo(10 * SAMPLES);
    assertThat(Math.abs(toneA - toneB))
        .as("tone offsets %d and %d", toneA, toneB)
        .isLessThanOrEqualTo(SAMPLES);
    assertThat(first.samplesWritten()).isEqualTo(second.samplesWritten());
    assertThat(report.timelines()).extracting(StreamTimeline::streamIndex).containsExactly(0, 1);
    StreamTimeline.Gap leadIn = report.timelines().get(1).gaps().get(0);
    assertThat(leadIn.cause()).isEqualTo(GapCause.LEAD_IN);
    assertThat(leadIn.offset()).isZero();
    assertThat(leadIn.length()).isEqualTo(toneB);
  }

  /**
   * Both legs send packet n at 20n ms by the senders' clock, but stream 1's packets reach us 60 ms
   * (3 ticks) later, a constant network delay. Stream 1 pauses its audio (DTX) for packets 20..29:
   * the silence a correction earlier needs. With {@code senderReports}, stream 0 muxes an RTCP
   * sender report on its RTP port and stream 1 sends one to its RTCP port, both from the one NTP
   * clock, saying when each leg really sent. Returns where each leg's tone (packet 40) landed.
   */
  private int[] lateLegWithDtx(boolean senderReports) throws Exception {
    InMemoryTrackSink first = InMemoryTrackSink.mulaw();
    InMemoryTrackSink second = InMemoryTrackSink.mulaw();
    MediaSession session = open(Duration.ZERO, first, second);
    long ntp0 = 3_900_000_000L * 1_000_000_000L;
    int rtcpPortB = session.rtpPort(1) + 1;
    try (DatagramSocket a = new DatagramSocket(0, LOOPBACK);
        DatagramSocket b = new DatagramSocket(0, LOOPBACK);
        DatagramSocket bRtcp = new DatagramSocket(0, LOOPBACK)) {
      long start = System.nanoTime();
      for (int tick = 0; tick < 50; tick++) {
        sleepUntil(start + tick * TICK_NANOS);
        byte[] payloadA = tick == 40 ? tone(0) : quiet();
        send(a, session.rtpPort(0), rtp(100 + tick, 1000 + SAMPLES * tick, 0xA, payloadA));
        if (senderReports && tick == 12) { // RFC 5761: stream 0 muxes its RTCP on the RTP port
          send(a, session.rtpPort(0), senderReport(0xA, ntp0 + 12 * TICK_NANOS, 1000 + 12 * 160));
        }
        int n = tick - 3;
        if (n >= 0 && (n < 20 || n >= 30)) {
          int seq = 500 + (n < 20 ? n : n - 10);
          byte[] payloadB = n == 40 ? tone(0) : quiet();
          send(b, session.rtpPort(1), rtp(seq, 70_000 + SAMPLES * n, 0xB, payloadB));
        }
        if (senderReports && tick == 16) { // stream 1's own RTCP port: packet 10 was sent at 200 ms
          send(bRtcp, rtcpPortB, senderReport(0xB, ntp0 + 10 * TICK_NANOS, 70_000 + 10 * 160));
        }
      }
    }
    Thread.sleep(50);
    session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new int[] {firstSound(first.bytes()), firstSound(second.bytes())};
  }

  @Test
  void withoutSenderReportsALateStreamKeepsTheDelayItArrivedWith() throws Exception {
    int[] marks = lateLegWithDtx(false);

    // Placed by arrival: stream 1's tone sits 60 ms (3 ticks) after stream 0's, as it was heard.
    assertThat(marks[0]).isEqualTo(40 * SAMPLES);
    assertThat(marks[1] - marks[0])
        .as("marks at %d and %d", marks[0], marks[1])
        .isBetween(3 * SAMPLES - SAMPLES / 2, 3 * SAMPLES + SAMPLES / 2);
  }

  @Test
  void senderReportsOnRtcpPortAndRtcpMuxPullALateStreamIntoStep() throws Exception {
    int[] marks = lateLegWithDtx(true);

    // The reports say both tones were sent at 800 ms: stream 1 moves 60 ms earlier in its DTX.
    assertThat(marks[0]).isEqualTo(40 * SAMPLES);
    assertThat(Math.abs(marks[0] - marks[1]))
        .as("marks at %d and %d", marks[0], marks[1])
        .isLessThanOrEqualTo(SAMPLES / 2);
  }
}
