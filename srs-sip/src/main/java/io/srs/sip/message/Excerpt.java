package io.srs.sip.message;

/**
 * Peer-supplied text quoted in an error message: cut short and stripped of control characters, so a
 * reason phrase stays one short line whatever the peer sent.
 */
public final class Excerpt {
  /** Enough to recognise the offending text, too little to carry a payload back. */
  public static final int MAX_EXCERPT = 40;

  private Excerpt() {}

  public static String of(String text) {
    // An SDP line quoted in an error could be an a=crypto line: its key never goes out.
    String flat = Secrets.redact(text).replaceAll("[\\x00-\\x1f\\x7f\"]", "?");
    return flat.length() <= MAX_EXCERPT ? flat : flat.substring(0, MAX_EXCERPT) + "...";
  }
}
