package io.srs.sip.testing;

/** SIPREC bodies as SRCs send them. */
public final class Bodies {
  private Bodies() {}

  /** Two forked streams, caller and agent, PCMU with telephone-event, sendonly (RFC 7866 §8.1). */
  public static final String SDP =
      "v=0\r\n"
          + "o=SRC 2890844526 2890844526 IN IP4 192.0.2.10\r\n"
          + "s=SIPREC\r\n"
          + "c=IN IP4 192.0.2.10\r\n"
          + "t=0 0\r\n"
          + "m=audio 10000 RTP/AVP 0 101\r\n"
          + "a=rtpmap:0 PCMU/8000\r\n"
          + "a=rtpmap:101 telephone-event/8000\r\n"
          + "a=fmtp:101 0-15\r\n"
          + "a=label:1\r\n"
          + "a=sendonly\r\n"
          + "m=audio 10002 RTP/AVP 8 0\r\n"
          + "a=label:2\r\n"
          + "a=sendonly\r\n";

  public static final String METADATA =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
          + "<recording xmlns=\"urn:ietf:params:xml:ns:recording:1\">\r\n"
          + "  <datamode>complete</datamode>\r\n"
          + "  <session session_id=\"hVpd7YQgRW2nD22h7q60JQ==\"/>\r\n"
          + "  <stream stream_id=\"UAAMm5GRQKSCMVvLyl4rFw==\" session_id=\"hVpd7YQgRW2nD22h7q60JQ==\">\r\n"
          + "    <label>1</label>\r\n"
          + "  </stream>\r\n"
          + "</recording>\r\n";

  public static final String BOUNDARY = "OSS-unique-boundary-42";

  public static final String MULTIPART_TYPE = "multipart/mixed;boundary=" + BOUNDARY;

  /** SDP then metadata, CRLF line ends, close delimiter. */
  public static String multipart(String sdp, String metadata) {
    return "--"
        + BOUNDARY
        + "\r\n"
        + "Content-Type: application/sdp\r\n"
        + "\r\n"
        + sdp
        + "\r\n--"
        + BOUNDARY
        + "\r\n"
        + "Content-Type: application/rs-metadata+xml\r\n"
        + "Content-Disposition: recording-session\r\n"
        + "\r\n"
        + metadata
        + "\r\n--"
        + BOUNDARY
        + "--\r\n";
  }
}
