package io.srs.sip.sdp;

/**
 * An SDP body we cannot use. The message names the line and says what was seen and expected ({@code
 * SDP line 5: m= port "x" is not a number}); it is one line, safe for a reason phrase.
 */
public final class SdpException extends Exception {
  private static final long serialVersionUID = 1L;

  public SdpException(String message) {
    super(message);
  }

  static SdpException atLine(int line, String message) {
    return new SdpException("SDP line " + line + ": " + message);
  }
}
