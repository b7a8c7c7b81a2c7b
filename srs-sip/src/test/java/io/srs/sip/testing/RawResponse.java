package io.srs.sip.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A SIP response read off a socket, parsed just enough for assertions. */
public record RawResponse(int status, String reason, List<String[]> headers, String body) {

  public static RawResponse parse(String head, String body) {
    String[] lines = head.split("\r\n");
    String[] status = lines[0].split(" ", 3);
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
    return new RawResponse(
        Integer.parseInt(status[1]), status.length > 2 ? status[2] : "", headers, body);
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

  public String cseqMethod() {
    String cseq = header("CSeq");
    return cseq == null
        ? ""
        : cseq.substring(cseq.indexOf(' ') + 1).trim().toUpperCase(Locale.ROOT);
  }

  /** The tag parameter of the To header. */
  public String toTag() {
    String to = header("To");
    int at = to.indexOf("tag=");
    if (at < 0) {
      return null;
    }
    String tag = to.substring(at + 4);
    int end = tag.indexOf(';');
    return end < 0 ? tag : tag.substring(0, end);
  }

  @Override
  public String toString() {
    return status + " " + reason + " (CSeq " + header("CSeq") + ")";
  }
}
