package io.srs.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srs.core.media.Codec;
import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import io.srs.core.port.MediaReport;
import io.srs.core.port.MediaSession;
import io.srs.core.port.MediaSessionSpec;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.StreamStats;
import io.srs.core.session.RecordingId;
import io.srs.rtp.internal.RtpMediaSession;
import io.srs.rtp.srtp.SrtpProtector;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SRTP over real UDP on 127.0.0.1: what lands in the track is the plaintext the SRC sent, and what
 * fails authentication or replays is dropped and counted in the stats the sidecar shows.
 */
class SrtpReceiveTest {
  private static final int SAMPLES = 160;
  private static final byte SILENCE = (byte) 0xFF;
  private static final long TICK_NANOS = 20_000_000L;
  private static final long SSRC = 0x5EC0_4E00L;
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final int portMin = 2 * ThreadLocalRandom.current().nextInt(10_000, 15_000);
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

  private static SrtpKeys keys(SrtpSuite suite, long seed) {
    Random random = new Random(seed);
    byte[] key = new byte[suite.masterKeyBytes()];
    byte[] salt = new byte[suite.masterSaltBytes()];
    random.nextBytes(key);
    random.nextBytes(salt);
    return SrtpKeys.of(suite, key, salt);
  }

  private MediaSession open(SrtpKeys keys, InMemoryTrackSink... sinks) throws Exception {
    List<MediaStreamSpec> streams = new ArrayList<>();
    for (int i = 0; i < sinks.length; i++) {
      MediaStreamSpec plain =
          new MediaStreamSpec(i, String.valueOf(i + 1), Codec.PCMU, 0, sinks[i]);
      streams.add(
          new MediaStreamSpec(
              i,
              plain.label(),
              plain.codec(),
              plain.payloadType(),
              plain.sink(),
              plain.formats(),
              -1,
              -1,
              plain.storedEncoding(),
              plain.sampleRate(),
              keys));
    }
    RecordingId id = RecordingId.generate(Instant.now(), new Random(3711));
    return factory.open(new MediaSessionSpec(id, sinks.length, streams));
  }

  /** Packet n's payload: varies byte by byte, never the silence byte. */
  private static byte[] payload(int n) {
    byte[] bytes = new byte[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      bytes[i] = (byte) (1 + (n * 7 + i) % 200);
    }
    return bytes;
  }

  private static byte[] srtp(SrtpProtector sender, int seq, long ts, byte[] payload) {
    ByteBuffer packet = ByteBuffer.allocate(12 + payload.length + sender.rtpTrailerBytes());
    packet.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt((int) ts);
    packet.putInt((int) SSRC).put(payload);
    byte[] bytes = packet.array();
    int length = sender.protectRtp(bytes, 0, 12 + payload.length);
    return Arrays.copyOf(bytes, length);
  }

  /** RFC 3550 §6.4.1 sender report, no report blocks, protected as SRTCP. */
  private static byte[] srtcpSenderReport(
      SrtpProtector sender, long ssrc, long ntpNanos, long rtpTimestamp) {
    long seconds = ntpNanos / 1_000_000_000L;
    long fraction = ((ntpNanos % 1_000_000_000L) << 32) / 1_000_000_000L;
    ByteBuffer sr = ByteBuffer.allocate(28 + sender.rtcpTrailerBytes());
    sr.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc);
    sr.putInt((int) seconds).putInt((int) fraction).putInt((int) rtpTimestamp);
    sr.putInt(0).putInt(0);
    int length = sender.protectRtcp(sr.array(), 0, 28);
    return Arrays.copyOf(sr.array(), length);
  }

  private static void send(DatagramSocket from, int port, byte[] packet) throws Exception {
    from.send(new DatagramPacket(packet, packet.length, new InetSocketAddress(LOOPBACK, port)));
  }

  private static int firstSound(byte[] track) {
    for (int i = 0; i < track.length; i++) {
      if (track[i] != SILENCE) {
        return i;
      }
    }
    return -1;
  }

  /** The track from its first sound on is exactly the payloads of packets 0..count-1. */
  private static void assertPayloads(byte[] track, int count) {
    int start = firstSound(track);
    assertThat(start).isGreaterThanOrEqualTo(0);
    for (int n = 0; n < count; n++) {
      int at = start + n * SAMPLES;
      assertThat(Arrays.copyOfRange(track, at, at + SAMPLES))
          .as("packet %d", n)
          .isEqualTo(payload(n));
    }
  }

  /**
   * Closes once the loop has counted {@code handled} packets of stream 0 (placed, refused or
   * replayed), so a loaded machine cannot close the session before the packets were read.
   */
  private static MediaReport close(MediaSession session, long handled) throws Exception {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              StreamStats stats = stats(session);
              return stats.packetsReceived() + stats.packetsAuthFailed() + stats.packetsReplayed()
                  >= handled;
            });
    return session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static StreamStats stats(MediaSession session) throws Exception {
    return ((RtpMediaSession) session)
        .stats()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS)
        .get(0);
  }

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void theTrackHoldsThePlaintextPayloadsTheSrcEncrypted(SrtpSuite suite) throws Exception {
    SrtpKeys keys = keys(suite, suite.ordinal());
    InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
    MediaSession session = open(keys, sink);
    SrtpProtector sender = new SrtpProtector(keys);
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      for (int n = 0; n < 50; n++) {
        send(socket, session.rtpPort(0), srtp(sender, 65_510 + n, 8_000 + SAMPLES * n, payload(n)));
      }
    }
    MediaReport report = close(session, 50);

    assertPayloads(sink.bytes(), 50); // across the sequence wrap at packet 26
    StreamStats stats = report.streams().get(0);
    assertThat(stats.packetsReceived()).isEqualTo(50);
    assertThat(stats.packetsLost()).isZero();
    assertThat(stats.packetsAuthFailed()).isZero();
    assertThat(stats.packetsReplayed()).isZero();
  }

  @Test
  void forgedTamperedAndReplayedPacketsAreDroppedAndCounted() throws Exception {
    SrtpKeys keys = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 1);
    InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
    MediaSession session = open(keys, sink);
    SrtpProtector sender = new SrtpProtector(keys);
    SrtpProtector forger = new SrtpProtector(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 2));
    try (DatagramSocket attacker = new DatagramSocket(0, LOOPBACK);
        DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      // A forged packet arrives first, from elsewhere: it must not take the stream's latch.
      send(attacker, session.rtpPort(0), srtp(forger, 1, 8_000, payload(99)));
      for (int n = 0; n < 30; n++) {
        byte[] packet = srtp(sender, 1 + n, 8_000 + SAMPLES * n, payload(n));
        if (n % 10 == 5) {
          byte[] tampered = packet.clone();
          tampered[40] ^= 0x10; // before the genuine one: after it, it would be a replay
          send(socket, session.rtpPort(0), tampered);
        }
        send(socket, session.rtpPort(0), packet);
        if (n % 10 == 5) {
          send(socket, session.rtpPort(0), packet); // replayed
        }
      }
    }
    MediaReport report = close(session, 30 + 4 + 3);

    assertPayloads(sink.bytes(), 30);
    StreamStats stats = report.streams().get(0);
    assertThat(stats.packetsReceived()).isEqualTo(30);
    assertThat(stats.packetsAuthFailed()).as("forged + 3 tampered").isEqualTo(4);
    assertThat(stats.packetsReplayed()).isEqualTo(3);
    assertThat(stats.packetsDiscarded()).isZero();
  }

  @Test
  void aStreamUnderTheWrongKeyIsSilenceAndSaysWhy() throws Exception {
    InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
    MediaSession session = open(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 1), sink);
    SrtpProtector sender = new SrtpProtector(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 2));
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      for (int n = 0; n < 20; n++) {
        send(socket, session.rtpPort(0), srtp(sender, n, SAMPLES * n, payload(n)));
      }
    }
    MediaReport report = close(session, 20);

    assertThat(firstSound(sink.bytes())).isEqualTo(-1);
    assertThat(report.streams().get(0).packetsReceived()).isZero();
    assertThat(report.streams().get(0).packetsAuthFailed()).isEqualTo(20);
  }

  @Test
  void aReInviteWithNewKeysIsFollowedWithoutLosingAPacket() throws Exception {
    SrtpKeys first = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 10);
    SrtpKeys second = keys(SrtpSuite.AES_256_CM_HMAC_SHA1_80, 11);
    InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
    MediaSession session = open(first, sink);
    SrtpProtector before = new SrtpProtector(first);
    SrtpProtector after = new SrtpProtector(second);
    try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
      for (int n = 0; n < 20; n++) {
        send(socket, session.rtpPort(0), srtp(before, 100 + n, SAMPLES * n, payload(n)));
      }
      Thread.sleep(50);
      session.rekey(0, first); // a refresh repeating the same a=crypto: no change
      session.rekey(0, second);
      Thread.sleep(50);
      // Two packets still in flight under the old key arrive after the re-key.
      for (int n = 20; n < 22; n++) {
        send(socket, session.rtpPort(0), srtp(before, 100 + n, SAMPLES * n, payload(n)));
      }
      for (int n = 22; n < 40; n++) {
        send(socket, session.rtpPort(0), srtp(after, 100 + n, SAMPLES * n, payload(n)));
      }
      // The old key is retired once the new one has authenticated.
      send(socket, session.rtpPort(0), srtp(before, 140, SAMPLES * 40, payload(40)));
    }
    MediaReport report = close(session, 41);

    assertPayloads(sink.bytes(), 40);
    StreamStats stats = report.streams().get(0);
    assertThat(stats.packetsReceived()).isEqualTo(40);
    assertThat(stats.packetsAuthFailed()).isEqualTo(1);
  }

  @Test
  void srtcpSenderReportsOnRtcpPortAndRtcpMuxAreDecryptedAndAlignTheStreams() throws Exception {
    SrtpKeys keys = keys(SrtpSuite.AEAD_AES_128_GCM, 5);
    InMemoryTrackSink first = InMemoryTrackSink.mulaw();
    InMemoryTrackSink second = InMemoryTrackSink.mulaw();
    MediaSession session = open(keys, first, second);
    SrtpProtector senderA = new SrtpProtector(keys);
    SrtpProtector senderB = new SrtpProtector(keys);
    long ntp0 = 3_900_000_000L * 1_000_000_000L;
    int rtcpPortB = session.rtpPort(1) + 1;
    byte[] quiet = new byte[SAMPLES];
    Arrays.fill(quiet, SILENCE);
    byte[] mark = payload(7);
    try (DatagramSocket a = new DatagramSocket(0, LOOPBACK);
        DatagramSocket b = new DatagramSocket(0, LOOPBACK);
        DatagramSocket bRtcp = new DatagramSocket(0, LOOPBACK)) {
      long start = System.nanoTime();
      // Both legs' packets n arrive together, but stream 1's sender reports say its packet n was
      // captured 100 ms after stream 0's (an SRC buffering one leg): aligned by the reports, its
      // mark lands 100 ms later. Only decrypted SRTCP can say so: the encrypted NTP timestamp is
      // noise, which the alignment ignores (more than 2 s out).
      for (int tick = 0; tick < 50; tick++) {
        for (long left = start + tick * TICK_NANOS - System.nanoTime();
            left > 0;
            left = start + tick * TICK_NANOS - System.nanoTime()) {
          LockSupport.parkNanos(left);
        }
        byte[] payload = tick == 40 ? mark : quiet;
        send(
            a,
            session.rtpPort(0),
            srtpFor(senderA, 100 + tick, 1000 + SAMPLES * tick, 0xA, payload));
        send(
            b,
            session.rtpPort(1),
            srtpFor(senderB, 500 + tick, 70_000 + SAMPLES * tick, 0xB, payload));
        if (tick == 12) { // RFC 5761: stream 0 muxes its SRTCP on the RTP port
          send(
              a,
              session.rtpPort(0),
              srtcpSenderReport(senderA, 0xA, ntp0 + 12 * TICK_NANOS, 1000 + 12 * 160));
        }
        if (tick == 16) { // stream 1's SRTCP on its own port
          send(
              bRtcp,
              rtcpPortB,
              srtcpSenderReport(
                  senderB, 0xB, ntp0 + 10 * TICK_NANOS + 100_000_000L, 70_000 + 10 * 160));
        }
      }
    }
    close(session, 50);

    int markA = firstSound(first.bytes());
    int markB = firstSound(second.bytes());
    assertThat(markA).isEqualTo(40 * SAMPLES);
    assertThat(markB - markA)
        .as("marks at %d and %d", markA, markB)
        .isBetween(800 - SAMPLES / 2, 800 + SAMPLES / 2);
  }

  private static byte[] srtpFor(SrtpProtector sender, int seq, long ts, long ssrc, byte[] payload) {
    ByteBuffer packet = ByteBuffer.allocate(12 + payload.length + sender.rtpTrailerBytes());
    packet.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt((int) ts);
    packet.putInt((int) ssrc).put(payload);
    int length = sender.protectRtp(packet.array(), 0, 12 + payload.length);
    return Arrays.copyOf(packet.array(), length);
  }
}
