package io.srs.sip.multipart;

import io.srs.sip.message.Excerpt;
import io.srs.sip.message.SipHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a {@code multipart/mixed} body into its parts (RFC 2046 §5.1.1), tolerant of what SRCs
 * send in practice: a quoted or unquoted boundary, a preamble and an epilogue, LF-only line
 * endings, a close delimiter without a final CRLF, a missing close delimiter (the last part then
 * runs to the end of the body), transport padding after a delimiter. Pure: bytes in, parts out.
 *
 * <p>A delimiter is {@code "--" boundary} at the start of a line, followed only by optional
 * whitespace and the line end; the line break before it belongs to the delimiter, not to the part
 * (RFC 2046 §5.1.1), so part contents come back byte-exact.
 */
public final class MultipartParser {

  /** RFC 2046 §5.1.1 allows 1..70 characters; we accept longer ones SRCs may send, up to this. */
  public static final int MAX_BOUNDARY_LENGTH = 256;

  /** Header lines in one part; SIPREC parts carry two or three. */
  public static final int MAX_PART_HEADERS = 32;

  private final int maxParts;

  /**
   * @param maxParts the most parts accepted; a SIPREC INVITE has two (SDP and metadata)
   */
  public MultipartParser(int maxParts) {
    if (maxParts < 1) {
      throw new IllegalArgumentException("maxParts must be at least 1, was " + maxParts);
    }
    this.maxParts = maxParts;
  }

  /**
   * Splits {@code body}, whose Content-Type is {@code contentType} (a {@code multipart/*} type with
   * a boundary parameter).
   *
   * @throws MultipartException when there is no boundary, it never occurs, or a part is malformed
   */
  public List<BodyPart> parse(ContentType contentType, byte[] body) throws MultipartException {
    String boundary =
        contentType
            .parameter("boundary")
            .orElseThrow(
                () ->
                    new MultipartException(
                        contentType.mediaType() + " Content-Type has no boundary parameter"));
    if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
      throw new MultipartException(
          "multipart boundary must be 1.."
              + MAX_BOUNDARY_LENGTH
              + " characters, was "
              + boundary.length());
    }
    // ISO-8859-1 maps every byte to one char, so string indexes are byte offsets.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String dash = "--" + boundary;
    List<BodyPart> parts = new ArrayList<>();
    Delimiter current = nextDelimiter(text, dash, 0);
    if (current == null) {
      throw new MultipartException(
          "multipart boundary \"" + Excerpt.of(boundary) + "\" never found in the body");
    }
    while (!current.close) {
      Delimiter next = nextDelimiter(text, dash, current.contentStart);
      int contentEnd = next == null ? text.length() : next.lineStart;
      if (parts.size() == maxParts) {
        throw new MultipartException("multipart body has more than " + maxParts + " parts");
      }
      parts.add(
          parsePart(parts.size() + 1, text, body, current.contentStart, contentEnd, next == null));
      if (next == null) {
        break; // no close delimiter: the last part ran to the end of the body
      }
      current = next;
    }
    if (parts.isEmpty()) {
      throw new MultipartException("multipart body has a close delimiter but no parts");
    }
    return List.copyOf(parts);
  }

  /**
   * @param lineStart where the line break before the delimiter starts (the end of the previous
   *     part's content)
   * @param contentStart where the next part starts, after the delimiter's line end
   * @param close true for the close delimiter {@code --boundary--}
   */
  private record Delimiter(int lineStart, int contentStart, boolean close) {}

  private static Delimiter nextDelimiter(String text, String dash, int from) {
    int at = text.indexOf(dash, from);
    while (at >= 0) {
      boolean lineStart = at == 0 || text.charAt(at - 1) == '\n';
      if (lineStart) {
        Delimiter delimiter = delimiterAt(text, dash, at);
        if (delimiter != null) {
          return delimiter;
        }
      }
      at = text.indexOf(dash, at + 1);
    }
    return null;
  }

  private static Delimiter delimiterAt(String text, String dash, int at) {
    int lineStart = at;
    if (at >= 2 && text.charAt(at - 2) == '\r') {
      lineStart = at - 2;
    } else if (at >= 1) {
      lineStart = at - 1;
    }
    int i = at + dash.length();
    boolean close = text.startsWith("--", i);
    if (close) {
      i += 2;
    }
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++; // transport padding, RFC 2046 §5.1.1
    }
    if (i == text.length()) {
      return new Delimiter(lineStart, i, close);
    }
    if (text.startsWith("\r\n", i)) {
      return new Delimiter(lineStart, i + 2, close);
    }
    if (text.charAt(i) == '\n') {
      return new Delimiter(lineStart, i + 1, close);
    }
    // "--boundaryX": the boundary is only a prefix of this line.
    return close ? new Delimiter(lineStart, i, true) : null;
  }

  private static BodyPart parsePart(
      int number, String text, byte[] body, int start, int end, boolean unterminated)
      throws MultipartException {
    SipHeaders.Builder headers = SipHeaders.builder();
    int i = start;
    int count = 0;
    String lastName = null;
    StringBuilder lastValue = null;
    while (true) {
      if (i >= end) {
        throw new MultipartException(
            "multipart part "
                + number
                + " has no blank line between its headers and its content"
                + (unterminated ? " (and the body has no close delimiter)" : ""));
      }
      int lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0 || lineEnd >= end) {
        lineEnd = end;
      }
      String line = text.substring(i, lineEnd);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      i = Math.min(lineEnd + 1, end);
      if (line.isEmpty()) {
        if (lastName != null) {
          headers.add(lastName, lastValue.toString());
        }
        break;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
        lastValue.append(' ').append(line.trim()); // folded header line, RFC 5322 §2.2.3
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MultipartException(
            "multipart part "
                + number
                + " header line \""
                + Excerpt.of(line)
                + "\" is not name: value");
      }
      if (lastName != null) {
        headers.add(lastName, lastValue.toString());
      }
      if (++count > MAX_PART_HEADERS) {
        throw new MultipartException(
            "multipart part " + number + " has more than " + MAX_PART_HEADERS + " header lines");
      }
      lastName = line.substring(0, colon).trim();
      lastValue = new StringBuilder(line.substring(colon + 1).trim());
    }
    SipHeaders partHeaders = headers.build();
    String rawType = partHeaders.first("Content-Type").orElse(null);
    ContentType type;
    try {
      type = rawType == null ? ContentType.parse("text/plain") : ContentType.parse(rawType);
    } catch (MultipartException e) {
      throw new MultipartException("multipart part " + number + ": " + e.getMessage());
    }
    return new BodyPart(type, rawType, partHeaders, Arrays.copyOfRange(body, i, end));
  }
}
