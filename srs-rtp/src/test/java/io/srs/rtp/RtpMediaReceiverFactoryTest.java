package io.srs.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.srs.core.media.Codec;
import io.srs.core.port.MediaReport;
import io.srs.core.port.MediaSessionSpec;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.MediaUnavailableException;
import io.srs.core.port.StreamStats;
import io.srs.core.session.RecordingId;
import io.srs.rtp.internal.RtpMediaSession;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real UDP on 127.0.0.1 through the factory, its event loops and the placers. */
class RtpMediaReceiverFactoryTest {
  private static final int PACKETS = 100;
  private static final int SAMPLES = 160;
  private static final byte SILENCE = (byte) 0xFF;
  private static final int MAX_LEAD = 160; // 20 ms
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /**
   * Below Linux's ephemeral range (32768-60999), where other processes' client sockets would take
   * ports out of the 64-port block and exhaust it early.
   */
  private final int portMin = 2 * ThreadLocalRandom.current().nextInt(6_000, 16_000);

  private RtpMediaReceiverFactory factory;

  @BeforeEach
  void start() throws Exception {
    RtpSettings settings = RtpSettings.defaults().withPorts(portMin, portMin + 63).withIoThreads(2);
    factory = new RtpMediaReceiverFactory(settings, Clock.systemUTC(), System::nanoTime);
    factory.start();
  }

  @AfterEach
  void stop() throws Exception {
    factory.stop();
  }

  private static MediaSessionSpec spec(InMemoryTrackSink... sinks) {
    List<MediaStreamSpec> streams = new ArrayList<>();
    for (int i = 0; i < sinks.length; i++) {
      streams.add(new MediaStreamSpec(i, String.valueOf(i + 1), Codec.PCMU, 0, sinks[i]));
    }
    RecordingId id = RecordingId.generate(Instant.now(), new Random(7));
    return new MediaSessionSpec(id, sinks.length, streams);
  }

  /** Packet n's payload on stream s: varies byte by byte, never the silence byte. */
  private static byte[] payload(int stream, int n) {
    byte[] bytes = new byte[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      bytes[i] = (byte) (1 + (n * 7 + i + stream * 50) % 200);
    }
    return bytes;
  }

  private static byte[] rtp(int seq, long ts, long ssrc, byte[] payload) {
    ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
    packet.put((byte) 0x80); // V=2
    packet.put((byte) 0); // PT 0 (PCMU)
    packet.putShort((short) seq);
    packet.putInt((int) ts);
    packet.putInt((int) ssrc);
    packet.put(payload);
    return packet.array();
  }

  private static void send(DatagramSocket from, int port, byte[] packet) throws Exception {
    from.send(new DatagramPacket(packet, packet.length, new InetSocketAddress(LOOPBACK, port)));
  }

  private static long received(RtpMediaSession session, int stream) throws Exception {
    return session
        .stats()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS)
        .get(stream)
        .packetsReceived();
  }

  /** Which packets a stream sends, in sending order; some dropped, some swapped. */
  private static List<Integer> sendingOrder(Random random, List<Integer> dropped) {
    List<Integer> order = new ArrayList<>();
    for (int n = 0; n < PACKETS; n++) {
      if (n > 0 && n < PACKETS - 1 && random.nextInt(100) < 5) {
        dropped.add(n);
      } else {
        order.add(n);
      }
    }
    for (int i = 0; i + 1 < order.size(); i++) {
      if (random.nextInt(100) < 5) {
        Collections.swap(order, i, i + 1);
        i++;
      }
    }
    return order;
  }

  /** The track as it must be: lead-in silence, the packets (silence for dropped), a tail. */
  private static void assertTrack(byte[] track, int stream, List<Integer> dropped) {
    int lead = 0;
    while (lead < track.length && track[lead] == SILENCE) {
      lead++;
    }
    // Both streams start together: the later one's lead-in is the gap between their first reads.
    assertThat(lead).as("lead-in of stream %d", stream).isLessThanOrEqualTo(MAX_LEAD);
    for (int n = 0; n < PACKETS; n++) {
      byte[] expected = dropped.contains(n) ? silence(SAMPLES) : payload(stream, n);
      byte[] actual = new byte[SAMPLES];
      System.arraycopy(track, lead + n * SAMPLES, actual, 0, SAMPLES);
      assertThat(actual).as("packet %d of stream %d", n, stream).isEqualTo(expected);
    }
    for (int i = lead + PACKETS * SAMPLES; i < track.length; i++) {
      assertThat(track[i]).as("tail byte %d of stream %d", i, stream).isEqualTo(SILENCE);
    }
  }

  private static byte[] silence(int samples) {
    byte[] bytes = new byte[samples];
    java.util.Arrays.fill(bytes, SILENCE);
    return bytes;
  }

  private MediaReport sendTwoStreamsAndClose(
      List<List<Integer>> orders, InMemoryTrackSink first, InMemoryTrackSink second)
      throws Exception {
    RtpMediaSession session = (RtpMediaSession) factory.open(spec(first, second));
    int[] ports = {session.rtpPort(0), session.rtpPort(1)};
    assertThat(ports[0] % 2).isZero();
    assertThat(ports[1]).isEqualTo(ports[0] + 2);
    try (DatagramSocket a = new DatagramSocket(0, LOOPBACK);
        DatagramSocket b = new DatagramSocket(0, LOOPBACK)) {
      DatagramSocket[] senders = {a, b};
      long[] ssrcs = {0x11111111L, 0x22222222L};
      for (int i = 0; i < PACKETS; i++) {
        if (i % 20 == 19) {
          Thread.sleep(1); // let the loop drain: the socket buffer may be capped by rmem_max
        }
        for (int s = 0; s < 2; s++) {
          if (i < orders.get(s).size()) {
            int n = orders.get(s).get(i);
            send(
                senders[s],
                ports[s],
                rtp(5000 + n, 160_000 + SAMPLES * n, ssrcs[s], payload(s, n)));
          }
        }
      }
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                received(session, 0) == orders.get(0).size()
                    && received(session, 1) == orders.get(1).size());
    return session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void twoStreamsAreRecordedBitExactOnOneTimeline() throws Exception {
    InMemoryTrackSink first = InMemoryTrackSink.mulaw();
    InMemoryTrackSink second = InMemoryTrackSink.mulaw();
    List<Integer> all = new ArrayList<>();
    for (int n = 0; n < PACKETS; n++) {
      all.add(n);
    }

    MediaReport report = sendTwoStreamsAndClose(List.of(all, all), first, second);

    assertTrack(first.bytes(), 0, List.of());
    assertTrack(second.bytes(), 1, List.of());
    assertThat(first.samplesWritten()).isEqualTo(second.samplesWritten());
    assertThat(first.samplesWritten())
        .isEqualTo(report.timelineLength().toNanos() / 125_000)
        .isBetween((long) PACKETS * SAMPLES, (long) PACKETS * SAMPLES + MAX_LEAD);
    assertThat(report.streams()).extracting(StreamStats::streamIndex).containsExactly(0, 1);
    for (StreamStats stats : report.streams()) {
      assertThat(stats.packetsReceived()).isEqualTo(PACKETS);
      assertThat(stats.packetsExpected()).isEqualTo(PACKETS);
      assertThat(stats.packetsLost()).isZero();
      assertThat(stats.samplesWritten()).isEqualTo(first.samplesWritten());
    }
    assertThat(report.mediaStartedAt()).isNotNull();
    assertThat(factory.freePortPairs()).isEqualTo(32);
  }

  @Test
  void lossAndReorderingBecomeExactSilenceAndEqualLengths() throws Exception {
    Random random = new Random(20250101);
    List<Integer> droppedFirst = new ArrayList<>();
    List<Integer> droppedSecond = new ArrayList<>();
    List<Integer> orderFirst = sendingOrder(random, droppedFirst);
    List<Integer> orderSecond = sendingOrder(random, droppedSecond);
    assertThat(droppedFirst.size() + droppedSecond.size()).isPositive();
    InMemoryTrackSink first = InMemoryTrackSink.mulaw();
    InMemoryTrackSink second = InMemoryTrackSink.mulaw();

    MediaReport report = sendTwoStreamsAndClose(List.of(orderFirst, orderSecond), first, second);

    assertTrack(first.bytes(), 0, droppedFirst);
    assertTrack(second.bytes(), 1, droppedSecond);
    assertThat(first.samplesWritten()).isEqualTo(second.samplesWritten());
    long sentDurationSamples = PACKETS * SAMPLES;
    assertThat(first.samplesWritten())
        .isBetween(sentDurationSamples - 320, sentDurationSamples + 320); // +-40 ms
    assertThat(report.streams().get(0).packetsLost()).isEqualTo(droppedFirst.size());
    assertThat(report.streams().get(1).packetsLost()).isEqualTo(droppedSecond.size());
    assertThat(report.streams().get(0).packetsExpected()).isEqualTo(PACKETS);
  }

  @Test
  void packetsFromASecondSourceAreDiscarded() throws Exception {
    InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
    RtpMediaSession session = (RtpMediaSession) factory.open(spec(sink));
    try (DatagramSocket owner = new DatagramSocket(0, LOOPBACK);
        DatagramSocket intruder = new DatagramSocket(0, LOOPBACK)) {
      send(owner, session.rtpPort(0), rtp(1, 0, 1, payload(0, 0)));
      await().atMost(Duration.ofSeconds(5)).until(() -> received(session, 0) == 1);
      send(intruder, session.rtpPort(0), rtp(2, SAMPLES, 1, payload(0, 1)));
      send(owner, session.rtpPort(0), new byte[] {0x40, 0, 0, 1}); // RTP version 1
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                session
                        .stats()
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS)
                        .get(0)
                        .packetsDiscarded()
                    == 2);

    MediaReport report = session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(report.streams().get(0).packetsReceived()).isEqualTo(1);
    assertThat(java.util.Arrays.copyOf(sink.bytes(), SAMPLES)).isEqualTo(payload(0, 0));
  }

  @Test
  void sessionWithoutPacketsIsAllSilenceOfTheSessionLength() throws Exception {
    InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
    var session = factory.open(spec(sink));
    Thread.sleep(50);

    MediaReport report = session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(sink.samplesWritten()).isGreaterThanOrEqualTo(400); // at least 50 ms
    assertThat(sink.bytes()).containsOnly(SILENCE);
    assertThat(report.timelineLength().toNanos() / 125_000).isEqualTo(sink.samplesWritten());
    assertThat(report.streams().get(0).firstSsrc()).isEqualTo(-1);
    assertThat(report.streams().get(0).firstPacketAt()).isNull();
  }

  @Test
  void closeIsIdempotentAndReleasesThePorts() throws Exception {
    var session = factory.open(spec(InMemoryTrackSink.mulaw(), InMemoryTrackSink.mulaw()));
    assertThat(factory.freePortPairs()).isEqualTo(30);

    var first = session.close();
    var second = session.close();
    first.toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(second).isSameAs(first);
    assertThat(factory.freePortPairs()).isEqualTo(32);
    try (DatagramSocket rebound = new DatagramSocket(session.rtpPort(0), LOOPBACK)) {
      assertThat(rebound.getLocalPort()).isEqualTo(session.rtpPort(0));
    }
  }

  @Test
  void aStreamThatMovesToANewAddressIsReLatchedOnceTheOldOneFallsSilent() throws Exception {
    InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
    RtpMediaSession session = (RtpMediaSession) factory.open(spec(sink));
    int moveAt = 10;
    int total = 60;
    String from;
    String to;
    try (DatagramSocket before = new DatagramSocket(0, LOOPBACK);
        DatagramSocket after = new DatagramSocket(0, LOOPBACK)) {
      from = LOOPBACK.getHostAddress() + ":" + before.getLocalPort();
      to = LOOPBACK.getHostAddress() + ":" + after.getLocalPort();
      long start = System.nanoTime();
      for (int n = 0; n < total; n++) {
        // An SBC failing over: the same stream, from another port, from packet 10 on.
        long due = start + n * 20_000_000L;
        while (System.nanoTime() < due) {
          Thread.sleep(1);
        }
        send(
            n < moveAt ? before : after, session.rtpPort(0), rtp(n, n * SAMPLES, 1, payload(0, n)));
      }
    }
    MediaReport report = session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);

    StreamStats stats = report.streams().get(0);
    assertThat(stats.packetsReceived() + stats.packetsDiscarded()).isEqualTo(total);
    // Dropped: the newcomer's packets until the owner had been quiet 250 ms: about 12 when the
    // packets keep their 20 ms pace, more if a loaded machine bunches them; at least 5.
    assertThat(stats.packetsDiscarded()).as("%s", stats).isBetween(5L, 45L);
    byte[] track = sink.bytes();
    int last = total - 1;
    assertThat(java.util.Arrays.copyOfRange(track, last * SAMPLES, (last + 1) * SAMPLES))
        .as("the new address's last packet is in place")
        .isEqualTo(payload(0, last));
    var changes = report.timelines().get(0).sourceChanges();
    assertThat(changes).as("the sidecar's record of the move").hasSize(1);
    assertThat(changes.get(0).previousSource()).isEqualTo(from);
    assertThat(changes.get(0).source()).isEqualTo(to);
    assertThat(changes.get(0).offset())
        .as("after the old source's last packet, before the new one's last")
        .isBetween((long) moveAt * SAMPLES, (long) last * SAMPLES);
  }

  @Test
  void exhaustedPortsRefuseTheSession() throws Exception {
    List<io.srs.core.port.MediaSession> held = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      held.add(factory.open(spec(InMemoryTrackSink.mulaw(), InMemoryTrackSink.mulaw())));
    }

    assertThatThrownBy(() -> factory.open(spec(InMemoryTrackSink.mulaw())))
        .isInstanceOf(MediaUnavailableException.class)
        .hasMessageContaining("no block of 1 free RTP/RTCP port pairs");
    for (var session : held) {
      session.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
