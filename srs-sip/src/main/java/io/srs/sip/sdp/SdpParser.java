package io.srs.sip.sdp;

import io.srs.core.media.MediaDirection;
import io.srs.sip.message.Excerpt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses an SDP offer (RFC 4566). Pure: bytes in, a {@link SessionDescription} out, or an {@link
 * SdpException} naming the line at fault. Strict where a mistake would make us record garbage
 * (ports, payload types, rtpmap), lenient where RFC 4566 §5 asks parsers to be (LF-only line
 * endings, unknown line types and attributes, line order after {@code v=}).
 */
public final class SdpParser {

  /** Longest line accepted; long {@code a=fmtp} or {@code a=crypto} lines stay far below. */
  public static final int MAX_LINE_LENGTH = 2048;

  /** Most lines in one description. */
  public static final int MAX_LINES = 1000;

  /** Default bound on m-lines: SIPREC offers carry one or two per participant stream. */
  public static final int DEFAULT_MAX_MEDIA = 16;

  private final int maxMedia;

  public SdpParser() {
    this(DEFAULT_MAX_MEDIA);
  }

  public SdpParser(int maxMedia) {
    if (maxMedia < 1) {
      throw new IllegalArgumentException("maxMedia must be at least 1, was " + maxMedia);
    }
    this.maxMedia = maxMedia;
  }

  public SessionDescription parse(byte[] sdp) throws SdpException {
    return parse(new String(sdp, StandardCharsets.UTF_8));
  }

  public SessionDescription parse(String sdp) throws SdpException {
    String[] lines = sdp.split("\n", -1);
    if (lines.length > MAX_LINES) {
      throw new SdpException("SDP has more than " + MAX_LINES + " lines");
    }
    Builder session = new Builder();
    boolean sawVersion = false;
    for (int n = 0; n < lines.length; n++) {
      String line =
          lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
      int number = n + 1;
      if (line.isEmpty()) {
        continue; // a trailing CRLF, or a stray blank line
      }
      checkLine(number, line);
      char type = line.charAt(0);
      String value = line.substring(2);
      if (!sawVersion) {
        if (type != 'v' || !value.trim().equals("0")) {
          throw SdpException.atLine(
              number, "expected v=0 as the first line, saw \"" + Excerpt.of(line) + "\"");
        }
        sawVersion = true;
        continue;
      }
      session.line(number, type, value);
    }
    if (!sawVersion) {
      throw new SdpException("SDP is empty; expected v=0 and an offer");
    }
    return session.build();
  }

  private static void checkLine(int number, String line) throws SdpException {
    if (line.length() > MAX_LINE_LENGTH) {
      throw SdpException.atLine(
          number, "line is " + line.length() + " characters; the limit is " + MAX_LINE_LENGTH);
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        throw SdpException.atLine(
            number, String.format("contains control character 0x%02x", (int) c));
      }
    }
    if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLetter(line.charAt(0))) {
      throw SdpException.atLine(
          number, "\"" + Excerpt.of(line) + "\" is not <type>=<value> (RFC 4566 §5)");
    }
  }

  static boolean isRtpProto(String proto) {
    return proto.toUpperCase(Locale.ROOT).contains("RTP/");
  }

  /** Collects lines into a session description; one instance per parse. */
  private final class Builder {
    private String originUsername;
    private String sessionId;
    private String sessionVersion;
    private String originAddress;
    private String sessionName;
    private MediaDirection sessionDirection;
    private final List<MediaDescription> media = new ArrayList<>();
    private MediaSectionBuilder current;

    void line(int number, char type, String value) throws SdpException {
      switch (type) {
        case 'o' -> origin(number, value);
        case 's' -> {
          if (current == null) {
            sessionName = value;
          }
        }
        case 'c' -> connection(number, value);
        case 'm' -> {
          finishMedia();
          if (media.size() == maxMedia) {
            throw SdpException.atLine(number, "more than " + maxMedia + " m= lines");
          }
          current = MediaSectionBuilder.parse(number, value);
        }
        case 'a' -> attribute(number, value);
        default -> {
          // i, u, e, p, b, t, r, z, k and unknown types: not needed to answer (RFC 4566 §5).
        }
      }
    }

    private void origin(int number, String value) throws SdpException {
      if (current != null) {
        return;
      }
      String[] fields = value.trim().split("[ \t]+");
      if (fields.length != 6) {
        throw SdpException.atLine(
            number,
            "o= has "
                + fields.length
                + " fields; expected 6 (username sess-id sess-version nettype addrtype address)");
      }
      originUsername = fields[0];
      sessionId = fields[1];
      sessionVersion = fields[2];
      originAddress = fields[5];
    }

    private void connection(int number, String value) throws SdpException {
      String[] fields = value.trim().split("[ \t]+");
      if (fields.length != 3) {
        throw SdpException.atLine(
            number,
            "c= has "
                + fields.length
                + " fields; expected 3 (nettype addrtype connection-address)");
      }
    }

    private void attribute(int number, String value) throws SdpException {
      int colon = value.indexOf(':');
      String name = colon < 0 ? value.trim() : value.substring(0, colon).trim();
      String attrValue = colon < 0 ? null : value.substring(colon + 1);
      Optional<MediaDirection> direction =
          attrValue == null ? MediaDirection.fromAttribute(name) : Optional.empty();
      if (current == null) {
        if (direction.isPresent()) {
          sessionDirection = direction.get();
        }
        return;
      }
      current.attribute(number, name, attrValue, direction.orElse(null));
    }

    private void finishMedia() {
      if (current != null) {
        media.add(current.build());
        current = null;
      }
    }

    SessionDescription build() throws SdpException {
      finishMedia();
      if (sessionId == null) {
        throw new SdpException("SDP has no o= line (RFC 4566 §5.2)");
      }
      if (sessionName == null) {
        throw new SdpException("SDP has no s= line (RFC 4566 §5.3)");
      }
      return new SessionDescription(
          originUsername,
          sessionId,
          sessionVersion,
          originAddress,
          sessionName,
          sessionDirection,
          media);
    }
  }
}
