package io.srs.daemon.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One SIP message as text (RFC 3261 §7): start line, header fields in order, body. Only what a UAC
 * needs to read responses and answer the few requests a recorder sends it. Pure.
 */
public record SipMessage(String startLine, List<Map.Entry<String, String>> headers, String body) {
  /** RFC 3261 §7.3.3 compact forms of the headers read here. */
  private static final Map<String, String> COMPACT =
      Map.of(
          "v",
          "via",
          "f",
          "from",
          "t",
          "to",
          "i",
          "call-id",
          "l",
          "content-length",
          "c",
          "content-type",
          "m",
          "contact");

  public SipMessage {
    headers = List.copyOf(headers);
  }

  /** Parses a whole message; throws {@link IllegalArgumentException} naming what is wrong. */
  public static SipMessage parse(String text) {
    int end = text.indexOf("\r\n\r\n");
    int bodyStart = end + 4;
    if (end < 0) {
      end = text.length();
      bodyStart = end;
    }
    String[] lines = text.substring(0, end).split("\r\n");
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new IllegalArgumentException("SIP message has no start line");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
        var last = headers.remove(headers.size() - 1); // folded continuation (RFC 3261 §7.3.1)
        headers.add(Map.entry(last.getKey(), last.getValue() + " " + line.strip()));
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("SIP header line without a colon: '" + line + "'");
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      headers.add(Map.entry(COMPACT.getOrDefault(name, name), line.substring(colon + 1).strip()));
    }
    return new SipMessage(lines[0], headers, text.substring(Math.min(bodyStart, text.length())));
  }

  public boolean isResponse() {
    return startLine.startsWith("SIP/2.0 ");
  }

  /** The status code of a response. */
  public int status() {
    if (!isResponse() || startLine.length() < 11) {
      throw new IllegalStateException("not a SIP response: " + startLine);
    }
    return Integer.parseInt(startLine.substring(8, 11));
  }

  /** The method of a request. */
  public String method() {
    int space = startLine.indexOf(' ');
    return space < 0 ? startLine : startLine.substring(0, space);
  }

  /** The first value of header {@code name} (case-insensitive, compact forms too), or null. */
  public String header(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    for (var header : headers) {
      if (header.getKey().equals(key)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** Every value of header {@code name}, in order. */
  public List<String> headers(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return headers.stream().filter(h -> h.getKey().equals(key)).map(Map.Entry::getValue).toList();
  }

  /** The CSeq number, or -1 when absent or malformed. */
  public long cseqNumber() {
    String cseq = header("cseq");
    if (cseq == null) {
      return -1;
    }
    try {
      return Long.parseLong(cseq.split("\\s+")[0]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The CSeq method, or "" when absent. */
  public String cseqMethod() {
    String cseq = header("cseq");
    if (cseq == null) {
      return "";
    }
    String[] parts = cseq.split("\\s+");
    return parts.length > 1 ? parts[1] : "";
  }

  /** The SDP of the body: the body itself, or the application/sdp part of a multipart body. */
  public String sdp() {
    String type = header("content-type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return body;
    }
    int start = body.indexOf("\r\n\r\nv=0");
    if (start < 0) {
      return "";
    }
    int stop = body.indexOf("\r\n--", start + 4);
    return body.substring(start + 4, stop < 0 ? body.length() : stop + 2);
  }
}
