package io.srs.rtp.timeline;

import static io.srs.rtp.timeline.PacketScript.MS;
import static io.srs.rtp.timeline.PacketScript.SAMPLES;
import static io.srs.rtp.timeline.PacketScript.payload;
import static io.srs.rtp.timeline.PacketScript.receive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.media.G711;
import io.srs.core.media.NegotiatedFormat;
import io.srs.core.port.GapCause;
import io.srs.core.port.MediaSessionSpec.PauseMode;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.rtp.InMemoryTrackSink;
import io.srs.rtp.codec.PayloadDecoder;
import io.srs.rtp.codec.PayloadDecoders;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoders behind the placer: payload-type switches and clocks slower than the sample rate. */
class FormatsTest {
  private static final long SSRC = 0x1234_5678L;

  private final SessionTimeline timeline =
      new SessionTimeline(Instant.parse("2025-01-01T00:00:00Z"), 0);
  private final InMemoryTrackSink sink = InMemoryTrackSink.pcm16();

  private static NegotiatedFormat format(int pt, Codec codec, int clock, int rate) {
    return new NegotiatedFormat(pt, codec, clock, rate, 1, null);
  }

  private TrackPlacer placer(TrackFormats formats) {
    return new TrackPlacer(0, formats, sink, timeline, 8, 1472, false, PauseMode.SILENCE);
  }

  @Test
  void payloadTypeSwitchWithinTheFormatsContinuesOnOneTrack() {
    NegotiatedFormat pcmu = format(0, Codec.PCMU, 8000, 8000);
    NegotiatedFormat pcma = format(8, Codec.PCMA, 8000, 8000);
    TrackFormats formats =
        new TrackFormats(
            List.of(pcmu, pcma),
            List.of(
                PayloadDecoders.create(pcmu, AudioEncoding.PCM16),
                PayloadDecoders.create(pcma, AudioEncoding.PCM16)),
            -1,
            -1,
            AudioEncoding.PCM16,
            8000);
    TrackPlacer placer = placer(formats);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int n = 0; n < 12; n++) {
      int pt = n < 6 ? 0 : 8; // the SRC switches from PCMU to PCMA at packet 6
      receive(placer, 100 + n, SAMPLES * n, SSRC, pt, payload(n), 20 * MS * n);
      byte[] pcm = new byte[2 * SAMPLES];
      G711.expand(n < 6 ? AudioEncoding.MULAW : AudioEncoding.ALAW, payload(n), 0, SAMPLES, pcm, 0);
      expected.writeBytes(pcm);
    }
    placer.flush();

    assertThat(sink.bytes()).isEqualTo(expected.toByteArray());
    assertThat(placer.timeline().gaps()).isEmpty();
    assertThat(placer.stats().packetsDiscarded()).isZero();
  }

  /** A G.722-like decoder: each payload octet becomes two 16 kHz samples of its value. */
  private static final class TwoSamplesPerOctet implements PayloadDecoder {
    int resets;

    @Override
    public int maxOutputBytes(int payloadLength) {
      return 4 * payloadLength;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, byte[] out, int outOffset) {
      for (int i = 0; i < length; i++) {
        for (int k = 0; k < 2; k++) {
          out[outOffset + 4 * i + 2 * k] = payload[offset + i];
          out[outOffset + 4 * i + 2 * k + 1] = 0;
        }
      }
      return 4 * length;
    }

    @Override
    public int samplesIn(int payloadLength) {
      return 2 * payloadLength;
    }

    @Override
    public void reset() {
      resets++;
    }
  }

  private static TrackFormats g722(PayloadDecoder decoder) {
    return new TrackFormats(
        List.of(format(9, Codec.G722, 8000, 16000)),
        List.of(decoder),
        -1,
        -1,
        AudioEncoding.PCM16,
        16000);
  }

  @Test
  void twoSamplesPerTickPlacesLossAndLeadInAtSixteenKilohertzOffsets() {
    TrackPlacer first = placer(g722(new TwoSamplesPerOctet()));
    InMemoryTrackSink laterSink = InMemoryTrackSink.pcm16();
    TwoSamplesPerOctet decoder = new TwoSamplesPerOctet();
    TrackPlacer later =
        new TrackPlacer(1, g722(decoder), laterSink, timeline, 8, 1472, false, PauseMode.SILENCE);
    receive(first, 1, 0, SSRC, 9, payload(0), 0); // fixes the origin
    for (int n = 0; n < 20; n++) {
      if (n != 5) { // 160 octets, 160 ticks, 320 samples a packet
        receive(later, 300 + n, 7000 + SAMPLES * n, 0xBEEFL, 9, payload(n), (100 + 20 * n) * MS);
      }
    }
    later.flush();
    later.padTo(1600 + 20 * 320 + 100);

    assertThat(later.timeline().gaps())
        .containsExactly(
            new Gap(0, 1600, GapCause.LEAD_IN),
            new Gap(1600 + 5 * 320, 320, GapCause.LOSS),
            new Gap(1600 + 20 * 320, 100, GapCause.TAIL));
    assertThat(laterSink.samplesWritten()).isEqualTo(1600 + 20 * 320 + 100);
    byte[] track = laterSink.bytes();
    assertThat(track[2 * (1600 + 6 * 320)]).isEqualTo(payload(6)[0]); // packet 6 where it belongs
    assertThat(decoder.resets).isEqualTo(2); // the segment's start, and after the loss
  }

  @Test
  void formatsMustDecodeToTheTrackRate() {
    assertThatThrownBy(
            () ->
                new TrackFormats(
                    List.of(format(9, Codec.G722, 8000, 16000)),
                    List.of(new TwoSamplesPerOctet()),
                    -1,
                    -1,
                    AudioEncoding.PCM16,
                    8000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("G722/8000 decodes to 16000 Hz");
  }

  @Test
  void telephoneEventTypeMayNotAlsoBeAudio() {
    NegotiatedFormat pcmu = format(0, Codec.PCMU, 8000, 8000);
    assertThatThrownBy(
            () ->
                new TrackFormats(
                    List.of(pcmu),
                    List.of(PayloadDecoders.create(pcmu, AudioEncoding.MULAW)),
                    0,
                    -1,
                    AudioEncoding.MULAW,
                    8000))
        .hasMessageContaining("both audio and telephone-event");
  }

  @Test
  void negotiatedComfortNoiseTypeIsDtxNotDiscarded() {
    NegotiatedFormat pcmu = format(0, Codec.PCMU, 8000, 8000);
    TrackFormats formats =
        new TrackFormats(
            List.of(pcmu),
            List.of(PayloadDecoders.create(pcmu, AudioEncoding.MULAW)),
            -1,
            98,
            AudioEncoding.MULAW,
            8000);

    assertThat(formats.kind(98)).isEqualTo(TrackFormats.COMFORT_NOISE);
    assertThat(formats.kind(13)).isEqualTo(TrackFormats.COMFORT_NOISE);
    assertThat(formats.kind(0)).isZero();
    assertThat(formats.kind(101)).isEqualTo(TrackFormats.OTHER);
  }
}
