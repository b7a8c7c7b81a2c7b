package io.srs.core.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, m-line by m-line, what we record (DESIGN.md "The path of one call", step 2). Pure: the
 * same offer and options always give the same plan.
 *
 * <p>Rules: only {@code audio} is recorded, over plain RTP/AVP or RTP/AVPF (unless the SRTP policy
 * is {@code required}) or over SDES-keyed RTP/SAVP or RTP/SAVPF ({@link SdesNegotiator}: the first
 * usable {@code a=crypto} line of an accepted suite, answered with our own key); DTLS-SRTP is
 * declined. The first offered format we can record wins, in the offerer's order (RFC 3264 §6.1 lets
 * the answerer pick any offered format; honouring the offerer's preference keeps us predictable);
 * payload types are kept exactly as offered. Further offered formats join the answer only when they
 * can share the primary's track without transcoding (same stored encoding and sample rate), so a
 * mid-call codec switch never writes garbage. telephone-event (RFC 4733 §7.1.1) and CN (RFC 3389
 * §5) are answered when offered at the primary's clock rate.
 */
public final class StreamPlanner {

  /**
   * How tracks are stored and which media protection is accepted.
   *
   * @param pcm16 store every codec as PCM16, G.711 included (decoded bit-exactly by table)
   * @param srtp plain RTP and SDES SRTP policy, suites already restricted to what the media side
   *     can decrypt
   */
  public record Options(boolean pcm16, SrtpPolicy srtp) {
    public static final Options DEFAULT = new Options(false);

    public Options {
      java.util.Objects.requireNonNull(srtp, "srtp");
    }

    public Options(boolean pcm16) {
      this(pcm16, SrtpPolicy.DEFAULT);
    }
  }

  private final Set<Codec> supported;
  private final Options options;
  private final SdesNegotiator sdes;

  public StreamPlanner(Set<Codec> supported) {
    this(supported, Options.DEFAULT);
  }

  public StreamPlanner(Set<Codec> supported, Options options) {
    this(supported, options, SrtpKeySource.secure());
  }

  public StreamPlanner(Set<Codec> supported, Options options, SrtpKeySource keys) {
    this.supported = Set.copyOf(supported);
    this.options = options;
    this.sdes = new SdesNegotiator(options.srtp(), keys);
  }

  /** The SDES side of planning, shared with re-INVITE handling. */
  public SdesNegotiator sdes() {
    return sdes;
  }

  public List<StreamPlan> plan(List<OfferedStream> offer) {
    List<StreamPlan> plans = new ArrayList<>(offer.size());
    for (OfferedStream stream : offer) {
      plans.add(planOne(stream));
    }
    return List.copyOf(plans);
  }

  private StreamPlan planOne(OfferedStream stream) {
    if (!"audio".equalsIgnoreCase(stream.mediaType())) {
      return StreamPlan.declined(stream, "media type " + stream.mediaType() + " is not recorded");
    }
    if (stream.port() == 0) {
      return StreamPlan.declined(stream, "stream disabled by the offerer (port 0)");
    }
    String transport = stream.transport();
    OfferedCrypto crypto = null;
    switch (stream.profile()) {
      case PLAIN_RTP -> {
        if (options.srtp().mode() == SrtpPolicy.Mode.REQUIRED) {
          return StreamPlan.declined(
              stream, "plain " + transport + " refused: SRTP is required (srtp.policy)");
        }
      }
      case SDES_SRTP -> {
        SdesNegotiator.Choice choice = sdes.choose(stream);
        if (choice instanceof SdesNegotiator.Choice.None none) {
          return StreamPlan.declined(stream, none.reason());
        }
        crypto = ((SdesNegotiator.Choice.Chosen) choice).line();
      }
      case DTLS_SRTP -> {
        return StreamPlan.declined(
            stream,
            "DTLS-SRTP ("
                + transport
                + ") is not supported; offer RTP/SAVP with a=crypto (SDES, RFC 4568)");
      }
      default -> {
        return StreamPlan.declined(stream, "transport " + transport + " is not supported");
      }
    }
    List<NegotiatedFormat> formats = new ArrayList<>();
    for (OfferedFormat offered : stream.formats()) {
      Optional<Codec> codec = Codec.of(offered).filter(supported::contains);
      if (codec.isEmpty()) {
        continue;
      }
      NegotiatedFormat format = NegotiatedFormat.of(codec.get(), offered);
      if (formats.isEmpty() || sharesTrack(formats.get(0), format)) {
        formats.add(format);
      }
    }
    if (formats.isEmpty()) {
      return StreamPlan.declined(stream, "no recordable codec in " + describeFormats(stream));
    }
    NegotiatedFormat primary = formats.get(0);
    return new StreamPlan(
        stream,
        primary.codec(),
        primary.payloadType(),
        stream.direction().recorderAnswer(),
        null,
        formats,
        auxiliary(stream, "telephone-event", primary.clockRate()),
        auxiliary(stream, "CN", primary.clockRate()),
        storedEncoding(primary.codec()),
        primary.sampleRate(),
        crypto == null ? null : crypto.keys(),
        crypto == null ? null : sdes.answer(crypto, null));
  }

  private AudioEncoding storedEncoding(Codec codec) {
    return options.pcm16() ? AudioEncoding.PCM16 : codec.storedEncoding();
  }

  private boolean sharesTrack(NegotiatedFormat primary, NegotiatedFormat other) {
    if (primary.payloadType() == other.payloadType()) {
      return false;
    }
    return storedEncoding(primary.codec()) == storedEncoding(other.codec())
        && primary.sampleRate() == other.sampleRate()
        && primary.clockRate() == other.clockRate()
        && (storedEncoding(primary.codec()) == AudioEncoding.PCM16
            || primary.codec() == other.codec());
  }

  private static int auxiliary(OfferedStream stream, String name, int clockRate) {
    for (OfferedFormat format : stream.formats()) {
      if (format.encodingName() != null
          && format.encodingName().toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))
          && format.clockRate() == clockRate) {
        return format.payloadType();
      }
    }
    return -1;
  }

  /** {@code [G729/8000, PT 96]}: the offered formats of one m-line, for Warning headers. */
  public static String describeFormats(OfferedStream stream) {
    List<String> names = new ArrayList<>();
    for (OfferedFormat format : stream.formats()) {
      names.add(format.describe());
    }
    return names.toString();
  }
}
