package io.srs.daemon.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads where the recorder wants media from its SDP answer (RFC 3264 §6): one {@link MediaTarget}
 * per m-line, in order, so stream <i>i</i> of the offer goes to the i-th answered port. Port 0
 * means the recorder refused that stream (RFC 3264 §6): nothing is sent to it. A media-level {@code
 * c=} overrides the session-level one (RFC 4566 §5.7). For SRTP it also reads each m-line's
 * transport and the suite of its first {@code a=crypto} (RFC 4568 §5.1.2: the answer picks one),
 * never the key. Pure; the answer is bounded by the SIP message size limit before it gets here.
 */
public final class SdpAnswerReader {
  /** At most this many m-lines are read; an SRS answers two. */
  public static final int MAX_MEDIA = 16;

  /** The longest crypto-suite name read; RFC 4568 and RFC 7714 names are under 30 characters. */
  static final int MAX_SUITE_NAME = 64;

  /**
   * Where one answered stream goes.
   *
   * @param proto the m-line's transport, e.g. {@code RTP/AVP} or {@code RTP/SAVP}
   * @param cryptoSuite the suite of the answer's {@code a=crypto}, or null when it has none
   */
  public record MediaTarget(
      String address, int port, String direction, String proto, String cryptoSuite) {
    public boolean refused() {
      return port == 0;
    }
  }

  /** Thrown when the answer cannot say where to send media. */
  public static final class SdpException extends Exception {
    public SdpException(String message) {
      super(message);
    }
  }

  private SdpAnswerReader() {}

  public static List<MediaTarget> read(String sdp) throws SdpException {
    String sessionAddress = null;
    List<String[]> media = new ArrayList<>(); // {port, address, direction, proto, crypto suite}
    for (String raw : sdp.split("\r?\n")) {
      String line = raw.strip();
      if (line.startsWith("m=")) {
        if (media.size() == MAX_MEDIA) {
          throw new SdpException("SDP answer has more than " + MAX_MEDIA + " m-lines");
        }
        media.add(new String[] {port(line), null, "sendrecv", proto(line), null});
      } else if (line.startsWith("c=")) {
        String address = connectionAddress(line);
        if (media.isEmpty()) {
          sessionAddress = address;
        } else {
          media.get(media.size() - 1)[1] = address;
        }
      } else if (!media.isEmpty()
          && (line.equals("a=recvonly")
              || line.equals("a=sendonly")
              || line.equals("a=inactive")
              || line.equals("a=sendrecv"))) {
        media.get(media.size() - 1)[2] = line.substring(2);
      } else if (!media.isEmpty() && line.startsWith("a=crypto:")) {
        String[] m = media.get(media.size() - 1);
        if (m[4] == null) {
          m[4] = cryptoSuite(line);
        }
      }
    }
    if (media.isEmpty()) {
      throw new SdpException("SDP answer has no m= line; expected one per offered stream");
    }
    List<MediaTarget> targets = new ArrayList<>();
    for (String[] m : media) {
      int port = Integer.parseInt(m[0]);
      String address = m[1] != null ? m[1] : sessionAddress;
      if (address == null && port != 0) {
        throw new SdpException("SDP answer has no c= line for an m-line with port " + port);
      }
      targets.add(new MediaTarget(address, port, m[2], m[3], m[4]));
    }
    return List.copyOf(targets);
  }

  /** {@code m=<media> <port>[/<count>] <proto> <fmt>...} (RFC 4566 §5.14). */
  private static String port(String line) throws SdpException {
    String[] fields = line.substring(2).split(" ");
    if (fields.length < 3) {
      throw new SdpException(
          "malformed m= line '" + line + "'; expected 'm=audio PORT RTP/AVP PT'");
    }
    String port = fields[1];
    int slash = port.indexOf('/');
    if (slash >= 0) {
      port = port.substring(0, slash);
    }
    try {
      int value = Integer.parseInt(port);
      if (value < 0 || value > 65535) {
        throw new SdpException("m= line port " + value + " is outside 0-65535");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new SdpException("m= line port '" + fields[1] + "' is not a number");
    }
  }

  /** The transport of an m-line already checked by {@link #port}. */
  private static String proto(String line) {
    return line.substring(2).split(" ")[2];
  }

  /** {@code a=crypto:<tag> <crypto-suite> <key-params>} (RFC 4568 §9.1): the suite only. */
  private static String cryptoSuite(String line) throws SdpException {
    String[] fields = line.substring("a=crypto:".length()).split(" ");
    if (fields.length < 3 || fields[1].length() > MAX_SUITE_NAME) {
      throw new SdpException("malformed a=crypto line in the answer; expected 'TAG SUITE KEY'");
    }
    return fields[1];
  }

  /** {@code c=IN IP4 <address>[/ttl]} (RFC 4566 §5.7). */
  private static String connectionAddress(String line) throws SdpException {
    String[] fields = line.substring(2).split(" ");
    if (fields.length < 3) {
      throw new SdpException("malformed c= line '" + line + "'; expected 'c=IN IP4 ADDRESS'");
    }
    String address = fields[2];
    int slash = address.indexOf('/');
    return slash >= 0 ? address.substring(0, slash) : address;
  }
}
