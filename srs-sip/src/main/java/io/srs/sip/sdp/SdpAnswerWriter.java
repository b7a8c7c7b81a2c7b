package io.srs.sip.sdp;

import io.srs.core.media.OfferedFormat;
import io.srs.core.media.StreamPlan;
import io.srs.core.service.OfferDecision.AnsweredStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the SDP answer for an {@link SdpAnswer} (RFC 3264 §6, RFC 7866 §8.1.1). Pure.
 *
 * <ul>
 *   <li>one m-line per offered m-line, same order (RFC 3264 §6);
 *   <li>a recorded m-line carries our port, the offered proto, exactly the chosen payload type with
 *       the offer's rtpmap (and fmtp), {@code a=label} echoed (RFC 4574, RFC 7866 §8.1.1) and the
 *       plan's direction ({@code recvonly}, or {@code inactive} mirrored);
 *   <li>a declined m-line has port 0 and keeps the offered media type, proto and formats (RFC 3264
 *       §6: "the stream is rejected ... at least one media format MUST be present");
 *   <li>{@code c=} and {@code o=} carry the configured media address.
 * </ul>
 */
public final class SdpAnswerWriter {
  private static final String CRLF = "\r\n";

  private final String mediaAddress;

  /**
   * @param mediaAddress the IP literal written in {@code c=} and {@code o=}
   */
  public SdpAnswerWriter(String mediaAddress) {
    this.mediaAddress = Objects.requireNonNull(mediaAddress, "mediaAddress");
  }

  public byte[] write(SdpAnswer answer) {
    String addrType = mediaAddress.indexOf(':') >= 0 ? "IP6" : "IP4";
    StringBuilder sdp = new StringBuilder(512);
    sdp.append("v=0").append(CRLF);
    sdp.append("o=SRS ")
        .append(answer.sessionId())
        .append(' ')
        .append(answer.version())
        .append(" IN ")
        .append(addrType)
        .append(' ')
        .append(mediaAddress)
        .append(CRLF);
    sdp.append("s=SRS").append(CRLF);
    sdp.append("c=IN ").append(addrType).append(' ').append(mediaAddress).append(CRLF);
    sdp.append("t=0 0").append(CRLF);
    for (int i = 0; i < answer.streams().size(); i++) {
      AnsweredStream stream = answer.streams().get(i);
      MediaDescription offered = answer.offer().media().get(i);
      if (stream.plan().isRecorded() && stream.port() > 0) {
        recorded(sdp, stream, offered);
      } else {
        declined(sdp, offered);
      }
    }
    return sdp.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void recorded(StringBuilder sdp, AnsweredStream stream, MediaDescription offered) {
    StreamPlan plan = stream.plan();
    int pt = plan.payloadType();
    sdp.append("m=")
        .append(offered.mediaType())
        .append(' ')
        .append(stream.port())
        .append(' ')
        .append(offered.proto())
        .append(' ')
        .append(pt)
        .append(CRLF);
    OfferedFormat format = offeredFormat(plan, pt);
    sdp.append("a=rtpmap:")
        .append(pt)
        .append(' ')
        .append(format.encodingName())
        .append('/')
        .append(format.clockRate());
    if (format.channels() > 1) {
      sdp.append('/').append(format.channels());
    }
    sdp.append(CRLF);
    if (format.fmtp() != null && !format.fmtp().isEmpty()) {
      sdp.append("a=fmtp:").append(pt).append(' ').append(format.fmtp()).append(CRLF);
    }
    label(sdp, offered);
    sdp.append("a=").append(plan.direction().attribute()).append(CRLF);
  }

  private static void declined(StringBuilder sdp, MediaDescription offered) {
    sdp.append("m=")
        .append(offered.mediaType())
        .append(" 0 ")
        .append(offered.proto())
        .append(' ')
        .append(String.join(" ", offered.formats()))
        .append(CRLF);
    label(sdp, offered);
  }

  private static void label(StringBuilder sdp, MediaDescription offered) {
    if (offered.label() != null) {
      sdp.append("a=label:").append(offered.label()).append(CRLF);
    }
  }

  private static OfferedFormat offeredFormat(StreamPlan plan, int pt) {
    for (OfferedFormat format : plan.offer().formats()) {
      if (format.payloadType() == pt) {
        return format;
      }
    }
    // The planner keeps the payload type as offered; reaching here is a planner bug.
    throw new IllegalStateException(
        "payload type " + pt + " was not offered on m-line " + plan.index());
  }
}
