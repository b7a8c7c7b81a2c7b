package io.srs.rtp.timeline;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.media.NegotiatedFormat;
import io.srs.core.media.OfferedFormat;
import io.srs.core.media.StaticPayloadTypes;
import io.srs.core.port.MediaStreamSpec;
import io.srs.rtp.codec.PayloadDecoder;
import io.srs.rtp.codec.PayloadDecoders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What each RTP payload type means on one stream: an audio format with its decoder, RFC 3389
 * comfort noise, an RFC 4733 telephone-event, or nothing we record. A lookup table of 128 entries,
 * so classifying a packet costs one array read. Decoders are created once, when the stream opens.
 */
public final class TrackFormats {

  /** A payload type not negotiated on the stream: counted as discarded. */
  public static final int OTHER = -1;

  /** RFC 3389 comfort noise: the sender is in DTX; its span becomes a DTX gap. */
  public static final int COMFORT_NOISE = -2;

  /** RFC 4733 telephone-event: a timeline event, never audio. */
  public static final int TELEPHONE_EVENT = -3;

  private final int[] kindByPayloadType = new int[StaticPayloadTypes.MAX_PAYLOAD_TYPE + 1];
  private final List<NegotiatedFormat> formats;
  private final PayloadDecoder[] decoders;
  private final int[] clockRates;
  private final int[] samplesPerTick;
  private final AudioEncoding storedEncoding;
  private final int sampleRate;

  /**
   * @param formats the audio formats, primary first; each must decode to {@code sampleRate}
   * @param decoders one per format, same order
   * @param telephoneEventPayloadType the RFC 4733 type, or -1
   * @param comfortNoisePayloadType the RFC 3389 type, or -1 (static type 13 is always comfort noise
   *     unless an audio format claims it)
   */
  public TrackFormats(
      List<NegotiatedFormat> formats,
      List<PayloadDecoder> decoders,
      int telephoneEventPayloadType,
      int comfortNoisePayloadType,
      AudioEncoding storedEncoding,
      int sampleRate) {
    if (formats.isEmpty() || formats.size() != decoders.size()) {
      throw new IllegalArgumentException(
          "need one decoder per format, had "
              + formats.size()
              + " formats and "
              + decoders.size()
              + " decoders");
    }
    this.formats = List.copyOf(formats);
    this.decoders = decoders.toArray(new PayloadDecoder[0]);
    this.storedEncoding = Objects.requireNonNull(storedEncoding, "storedEncoding");
    this.sampleRate = sampleRate;
    this.clockRates = new int[formats.size()];
    this.samplesPerTick = new int[formats.size()];
    Arrays.fill(kindByPayloadType, OTHER);
    setKind(TrackPlacer.COMFORT_NOISE_PAYLOAD_TYPE, COMFORT_NOISE);
    if (comfortNoisePayloadType >= 0) {
      setKind(comfortNoisePayloadType, COMFORT_NOISE);
    }
    for (int i = 0; i < formats.size(); i++) {
      NegotiatedFormat format = formats.get(i);
      if (format.sampleRate() != sampleRate || format.sampleRate() % format.clockRate() != 0) {
        throw new IllegalArgumentException(
            format.rtpmap()
                + " decodes to "
                + format.sampleRate()
                + " Hz on a clock of "
                + format.clockRate()
                + "; the track stores "
                + sampleRate
                + " Hz and needs a whole number of samples per tick");
      }
      clockRates[i] = format.clockRate();
      samplesPerTick[i] = format.samplesPerTick();
      kindByPayloadType[checked(format.payloadType())] = i; // audio wins over a CN default
    }
    if (telephoneEventPayloadType >= 0) {
      if (kindByPayloadType[checked(telephoneEventPayloadType)] >= 0) {
        throw new IllegalArgumentException(
            "payload type " + telephoneEventPayloadType + " is both audio and telephone-event");
      }
      kindByPayloadType[telephoneEventPayloadType] = TELEPHONE_EVENT;
    }
  }

  /** The formats of a stream spec, with decoders from {@link PayloadDecoders}. */
  public static TrackFormats of(MediaStreamSpec stream) {
    List<PayloadDecoder> decoders = new ArrayList<>(stream.formats().size());
    for (NegotiatedFormat format : stream.formats()) {
      decoders.add(PayloadDecoders.create(format, stream.storedEncoding()));
    }
    return new TrackFormats(
        stream.formats(),
        decoders,
        stream.telephoneEventPayloadType(),
        stream.comfortNoisePayloadType(),
        stream.storedEncoding(),
        stream.sampleRate());
  }

  /** One G.711 format stored natively: the walking skeleton's stream. */
  public static TrackFormats g711(Codec codec, int payloadType) {
    NegotiatedFormat format =
        NegotiatedFormat.of(
            codec,
            new OfferedFormat(payloadType, codec.encodingName(), codec.clockRate(), 1, null));
    return new TrackFormats(
        List.of(format),
        List.of(PayloadDecoders.create(format, codec.storedEncoding())),
        -1,
        -1,
        codec.storedEncoding(),
        codec.sampleRate());
  }

  /** A format index (0..), or {@link #OTHER}, {@link #COMFORT_NOISE}, {@link #TELEPHONE_EVENT}. */
  public int kind(int payloadType) {
    return payloadType >= 0 && payloadType < kindByPayloadType.length
        ? kindByPayloadType[payloadType]
        : OTHER;
  }

  PayloadDecoder decoder(int kind) {
    return decoders[kind];
  }

  int clockRate(int kind) {
    return clockRates[kind];
  }

  int samplesPerTick(int kind) {
    return samplesPerTick[kind];
  }

  /** The largest decoded output of any format for a payload of {@code payloadBytes}. */
  int maxOutputBytes(int payloadBytes) {
    int max = 0;
    for (PayloadDecoder decoder : decoders) {
      max = Math.max(max, decoder.maxOutputBytes(payloadBytes));
    }
    return max;
  }

  public List<NegotiatedFormat> formats() {
    return formats;
  }

  public AudioEncoding storedEncoding() {
    return storedEncoding;
  }

  public int sampleRate() {
    return sampleRate;
  }

  private void setKind(int payloadType, int kind) {
    kindByPayloadType[checked(payloadType)] = kind;
  }

  private static int checked(int payloadType) {
    if (payloadType < 0 || payloadType > StaticPayloadTypes.MAX_PAYLOAD_TYPE) {
      throw new IllegalArgumentException("payload type outside 0..127: " + payloadType);
    }
    return payloadType;
  }
}
