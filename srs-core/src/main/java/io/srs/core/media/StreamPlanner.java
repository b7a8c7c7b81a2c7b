package io.srs.core.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides, m-line by m-line, what we record (DESIGN.md "The path of one call", step 2). Pure: the
 * same offer and codec set always give the same plan.
 *
 * <p>Rules: only {@code audio} over plain RTP/AVP or RTP/AVPF is recorded (SRTP arrives with its
 * own issue); the first offered format we can store bit-exactly wins, in the offerer's order (RFC
 * 3264 §6.1 lets the answerer pick any offered format; honouring the offerer's preference keeps us
 * predictable); the payload type is kept exactly as offered.
 */
public final class StreamPlanner {
  private final Set<Codec> supported;

  public StreamPlanner(Set<Codec> supported) {
    this.supported = Set.copyOf(supported);
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
    if (!"RTP/AVP".equalsIgnoreCase(transport) && !"RTP/AVPF".equalsIgnoreCase(transport)) {
      return StreamPlan.declined(stream, "transport " + transport + " is not supported");
    }
    for (OfferedFormat format : stream.formats()) {
      var codec = Codec.of(format);
      if (codec.isPresent() && supported.contains(codec.get())) {
        return StreamPlan.recorded(stream, codec.get(), format.payloadType());
      }
    }
    return StreamPlan.declined(stream, "no recordable codec in " + describeFormats(stream));
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
