package io.srs.sip.testing;

import java.util.ArrayList;
import java.util.List;

/** A SIP request the server sent us (a BYE), parsed just enough to assert on it and answer it. */
public record RawRequest(String method, String uri, List<String[]> headers, String body) {

  public static RawRequest parse(String head, String body) {
    String[] lines = head.split("\r\n");
    String[] start = lines[0].split(" ", 3);
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(
            new String[] {
              lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()
            });
      }
    }
    return new RawRequest(start[0], start.length > 1 ? start[1] : "", headers, body);
  }

  /** The first value of a header, by case-insensitive name; null when absent. */
  public String header(String name) {
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase(name)) {
        return header[1];
      }
    }
    return null;
  }

  /**
   * The response a UAC's peer sends (RFC 3261 §8.2.6.2): Via, From, To, Call-ID and CSeq copied.
   */
  public String response(int status, String reason) {
    StringBuilder text = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason);
    text.append("\r\n");
    for (String[] header : headers) {
      String name = header[0];
      if (name.equalsIgnoreCase("Via")
          || name.equalsIgnoreCase("From")
          || name.equalsIgnoreCase("To")
          || name.equalsIgnoreCase("Call-ID")
          || name.equalsIgnoreCase("CSeq")) {
        text.append(name).append(": ").append(header[1]).append("\r\n");
      }
    }
    return text.append("Content-Length: 0\r\n\r\n").toString();
  }

  @Override
  public String toString() {
    return method + " " + uri + " (CSeq " + header("CSeq") + ")";
  }
}
