package io.srs.sip.sdp;

import io.srs.core.media.MediaDirection;
import io.srs.core.media.OfferedCrypto;
import io.srs.core.media.StaticPayloadTypes;
import io.srs.sip.message.Excerpt;
import io.srs.sip.message.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects one m= section of an SDP body (RFC 4566 §5.14) for {@link SdpParser}. */
final class MediaSectionBuilder {

  /**
   * Most {@code a=crypto} lines in one m-line. SBCs offer one to four suites; RFC 4568 sets no
   * bound, so this one keeps a hostile offer from costing more than a page of work.
   */
  static final int MAX_CRYPTO_LINES = 16;

  private final String mediaType;
  private final int port;
  private final String proto;
  private final List<String> formats;
  private MediaDirection direction;
  private String label;
  private final Map<Integer, RtpMap> rtpMaps = new LinkedHashMap<>();
  private final Map<Integer, String> fmtps = new LinkedHashMap<>();
  private final List<Attribute> attributes = new ArrayList<>();
  private final List<OfferedCrypto> crypto = new ArrayList<>();

  private MediaSectionBuilder(String mediaType, int port, String proto, List<String> formats) {
    this.mediaType = mediaType;
    this.port = port;
    this.proto = proto;
    this.formats = formats;
  }

  static MediaSectionBuilder parse(int number, String value) throws SdpException {
    String[] fields = value.trim().split("[ \t]+");
    if (fields.length < 4) {
      throw SdpException.atLine(
          number, "m= has " + fields.length + " fields; expected <media> <port> <proto> <fmt> ...");
    }
    String portField = fields[1];
    int slash = portField.indexOf('/');
    if (slash >= 0) {
      number(number, "m= port count", portField.substring(slash + 1), 1, 65535);
      portField = portField.substring(0, slash);
    }
    int port = number(number, "m= port", portField, 0, 65535);
    List<String> formats = new ArrayList<>();
    for (int i = 3; i < fields.length; i++) {
      if (SdpParser.isRtpProto(fields[2])) {
        number(number, "m= payload type", fields[i], 0, StaticPayloadTypes.MAX_PAYLOAD_TYPE);
      }
      formats.add(fields[i]);
    }
    return new MediaSectionBuilder(fields[0], port, fields[2], formats);
  }

  void attribute(int number, String name, String value, MediaDirection dir) throws SdpException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("crypto")) {
      crypto(number, value);
      attributes.add(new Attribute(name, Secrets.redact(value)));
      return;
    }
    attributes.add(new Attribute(name, value));
    if (dir != null) {
      direction = dir;
      return;
    }
    if (lower.equals("label") && value != null) {
      label = value.trim();
    } else if (lower.equals("rtpmap") && value != null && SdpParser.isRtpProto(proto)) {
      RtpMap map = rtpMap(number, value);
      rtpMaps.put(map.payloadType(), map);
    } else if (lower.equals("fmtp") && value != null && SdpParser.isRtpProto(proto)) {
      String trimmed = value.trim();
      int space = indexOfSpace(trimmed);
      String pt = space < 0 ? trimmed : trimmed.substring(0, space);
      int payloadType =
          number(number, "a=fmtp payload type", pt, 0, StaticPayloadTypes.MAX_PAYLOAD_TYPE);
      fmtps.put(payloadType, space < 0 ? "" : trimmed.substring(space + 1).trim());
    }
  }

  /**
   * RFC 4568 §9.1. A bad line is kept as unusable with its reason, never an error: the offer may
   * have a good one too. Tags are unique within an m-line (§4.1); a repeated one is unusable.
   */
  private void crypto(int number, String value) throws SdpException {
    if (crypto.size() == MAX_CRYPTO_LINES) {
      throw SdpException.atLine(number, "more than " + MAX_CRYPTO_LINES + " a=crypto lines");
    }
    OfferedCrypto parsed = CryptoAttributeParser.parse(value);
    int tag = parsed.tag();
    OfferedCrypto line =
        tag >= 0 && crypto.stream().anyMatch(c -> c.tag() == tag)
            ? OfferedCrypto.unusable(
                tag, parsed.suiteName(), "tag repeated in the m-line (RFC 4568 §4.1)")
            : parsed;
    crypto.add(line);
  }

  /** {@code <payload type> <encoding name>/<clock rate>[/<encoding parameters>]}. */
  private static RtpMap rtpMap(int number, String value) throws SdpException {
    String trimmed = value.trim();
    int space = indexOfSpace(trimmed);
    String[] encoding = space < 0 ? new String[0] : trimmed.substring(space + 1).trim().split("/");
    if (space < 0 || encoding.length < 2 || encoding.length > 3 || encoding[0].isEmpty()) {
      throw SdpException.atLine(
          number,
          "a=rtpmap:\""
              + Excerpt.of(trimmed)
              + "\" is not <payload type> <encoding name>/<clock rate>[/<channels>]");
    }
    int pt =
        number(
            number,
            "a=rtpmap payload type",
            trimmed.substring(0, space),
            0,
            StaticPayloadTypes.MAX_PAYLOAD_TYPE);
    int clockRate = number(number, "a=rtpmap clock rate", encoding[1], 1, 10_000_000);
    int channels =
        encoding.length == 3 ? number(number, "a=rtpmap channels", encoding[2], 1, 255) : 1;
    return new RtpMap(pt, encoding[0], clockRate, channels);
  }

  private static int indexOfSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }

  MediaDescription build() {
    return new MediaDescription(
        mediaType, port, proto, formats, direction, label, rtpMaps, fmtps, attributes, crypto);
  }

  private static int number(int line, String what, String text, int min, int max)
      throws SdpException {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw SdpException.atLine(line, what + " \"" + Excerpt.of(text) + "\" is not a number");
    }
    int value = Integer.parseInt(text);
    if (value < min || value > max) {
      throw SdpException.atLine(line, what + " " + value + " is out of range " + min + ".." + max);
    }
    return value;
  }
}
