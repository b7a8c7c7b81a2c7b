package io.srs.sip.sdp;

import io.srs.core.media.AnsweredCrypto;
import io.srs.core.media.NegotiatedFormat;
import io.srs.core.media.OfferedFormat;
import io.srs.core.media.SrtpKeys;
import io.srs.core.media.StreamPlan;
import io.srs.core.media.TransportProfile;
import io.srs.core.service.OfferDecision.AnsweredStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Writes the SDP answer for an {@link SdpAnswer} (RFC 3264 §6, RFC 7866 §8.1.1). Pure.
 *
 * <ul>
 *   <li>one m-line per offered m-line, same order (RFC 3264 §6);
 *   <li>a recorded m-line carries our port, the offered proto and every format the plan answers, in
 *       the plan's order (primary first), each with its rtpmap and the offered fmtp; then the
 *       telephone-event type (RFC 4733 §7.1.1) and the CN type (RFC 3389 §5) when answered; {@code
 *       a=label} echoed (RFC 4574, RFC 7866 §8.1.1) and the plan's direction ({@code recvonly}, or
 *       {@code inactive} mirrored); an SDES m-line (RTP/SAVP) also carries our {@code a=crypto}:
 *       the accepted line's tag and suite, our own key, its session flags (RFC 4568 §7.1.2);
 *   <li>a declined m-line has port 0 and keeps the offered media type, proto and formats (RFC 3264
 *       §6: "the stream is rejected ... at least one media format MUST be present");
 *   <li>{@code c=} and {@code o=} carry the configured media address.
 * </ul>
 */
public final class SdpAnswerWriter {
  private static final String CRLF = "\r\n";

  /** RFC 4733 §7.1.1 media type name. */
  static final String TELEPHONE_EVENT = "telephone-event";

  /** RFC 4733 §3.2: DTMF 0-9, *, #, A-D (0-15) and flash (16); what we accept and record. */
  static final String TELEPHONE_EVENTS_RECEIVED = "0-16";

  /** RFC 3389 §5 media type name. */
  static final String COMFORT_NOISE = "CN";

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
    List<NegotiatedFormat> formats = plan.formats();
    if (formats.isEmpty()) {
      // A recorded plan always has its primary format; reaching here is a planner bug.
      throw new IllegalStateException("recorded m-line " + plan.index() + " has no formats");
    }
    int clock = formats.get(0).clockRate();
    int telephoneEvent = plan.telephoneEventPayloadType();
    int comfortNoise = plan.comfortNoisePayloadType();
    sdp.append("m=")
        .append(offered.mediaType())
        .append(' ')
        .append(stream.port())
        .append(' ')
        .append(offered.proto());
    for (NegotiatedFormat format : formats) {
      sdp.append(' ').append(format.payloadType());
    }
    if (telephoneEvent >= 0) {
      sdp.append(' ').append(telephoneEvent);
    }
    if (comfortNoise >= 0) {
      sdp.append(' ').append(comfortNoise);
    }
    sdp.append(CRLF);
    for (NegotiatedFormat format : formats) {
      rtpmap(sdp, format.payloadType(), format.rtpmap());
      if (format.fmtp() != null && !format.fmtp().isEmpty()) {
        fmtp(sdp, format.payloadType(), format.fmtp());
      }
    }
    if (telephoneEvent >= 0) {
      // RFC 4733 §7.1.1: telephone-event at the audio's clock; we receive every event (§3.2:
      // 0-15 DTMF, 16 flash), so the answer lists 0-16 whatever subset was offered.
      rtpmap(
          sdp, telephoneEvent, TELEPHONE_EVENT + "/" + offeredClock(plan, telephoneEvent, clock));
      fmtp(sdp, telephoneEvent, TELEPHONE_EVENTS_RECEIVED);
    }
    if (comfortNoise >= 0) {
      // RFC 3389 §5: CN at the audio's clock.
      rtpmap(sdp, comfortNoise, COMFORT_NOISE + "/" + offeredClock(plan, comfortNoise, clock));
    }
    if (plan.crypto() != null
        && TransportProfile.of(offered.proto()) == TransportProfile.SDES_SRTP) {
      // Only an SDES m-line carries a=crypto (a stream held after its offer dropped SRTP keeps
      // its keys in the plan, but its plain answer must not).
      crypto(sdp, plan.crypto());
    }
    label(sdp, offered);
    sdp.append("a=").append(plan.direction().attribute()).append(CRLF);
  }

  /**
   * {@code a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<base64 key||salt>} (RFC 4568 §9.1): no
   * lifetime (the default applies) and no MKI (we never send, so no packet needs one).
   */
  static void crypto(StringBuilder sdp, AnsweredCrypto crypto) {
    SrtpKeys keys = crypto.keys();
    byte[] key = keys.masterKey();
    byte[] salt = keys.masterSalt();
    byte[] keySalt = new byte[key.length + salt.length];
    System.arraycopy(key, 0, keySalt, 0, key.length);
    System.arraycopy(salt, 0, keySalt, key.length, salt.length);
    sdp.append("a=crypto:")
        .append(crypto.tag())
        .append(' ')
        .append(keys.suite().sdesName())
        .append(" inline:")
        .append(Base64.getEncoder().encodeToString(keySalt));
    Arrays.fill(key, (byte) 0);
    Arrays.fill(salt, (byte) 0);
    Arrays.fill(keySalt, (byte) 0);
    // RFC 4568 §6.3.2-§6.3.4: negotiated parameters; the answer repeats those it accepts.
    if (!keys.srtpEncrypted()) {
      sdp.append(" UNENCRYPTED_SRTP");
    }
    if (!keys.srtcpEncrypted()) {
      sdp.append(" UNENCRYPTED_SRTCP");
    }
    if (!keys.srtpAuthenticated()) {
      sdp.append(" UNAUTHENTICATED_SRTP");
    }
    sdp.append(CRLF);
  }

  private static void rtpmap(StringBuilder sdp, int pt, String encoding) {
    sdp.append("a=rtpmap:").append(pt).append(' ').append(encoding).append(CRLF);
  }

  private static void fmtp(StringBuilder sdp, int pt, String parameters) {
    sdp.append("a=fmtp:").append(pt).append(' ').append(parameters).append(CRLF);
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

  /** The clock the offer gave a payload type; the planner only answers ones at {@code clock}. */
  private static int offeredClock(StreamPlan plan, int pt, int clock) {
    for (OfferedFormat format : plan.offer().formats()) {
      if (format.payloadType() == pt && format.clockRate() > 0) {
        return format.clockRate();
      }
    }
    return clock;
  }
}
