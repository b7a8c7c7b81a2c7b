package io.srs.core.metadata;

/**
 * Makes text from the network safe to quote in an error message: one line, no double quotes, and
 * never more than {@link #MAX_ECHO} characters of it, so a hostile body cannot fill a log line or a
 * SIP reason phrase.
 */
final class Excerpt {
  private Excerpt() {}

  /** The most characters of input an error message repeats. */
  static final int MAX_ECHO = 60;

  /** The longest parser diagnostic we pass on, after its quoted parts are shortened. */
  static final int MAX_DIAGNOSTIC = 160;

  /** Quoted parts of a parser diagnostic (names taken from the input) are cut to this. */
  private static final int MAX_QUOTED = 40;

  private static final String ELLIPSIS = "...";

  /** {@code value}, cleaned and cut to {@link #MAX_ECHO} characters. */
  static String of(String value) {
    if (value == null) {
      return "null";
    }
    return cut(clean(value), MAX_ECHO);
  }

  /**
   * A StAX diagnostic as one short line. The JDK writes {@code ParseError at [row,col]:[1,5]
   * Message: ...}; the location is reported separately, so only the message is kept, and every
   * double-quoted part of it (which echoes input) is cut short.
   */
  static String ofDiagnostic(String message) {
    if (message == null || message.isBlank()) {
      return "no detail from the XML parser";
    }
    int marker = message.lastIndexOf("Message:");
    String text = marker >= 0 ? message.substring(marker + "Message:".length()) : message;
    text = text.strip().replaceAll("\\s+", " ");
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('"', i);
      int close = open < 0 ? -1 : text.indexOf('"', open + 1);
      if (close < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, open)
          .append('\'')
          .append(cut(text.substring(open + 1, close), MAX_QUOTED))
          .append('\'');
      i = close + 1;
    }
    return cut(clean(out.toString()), MAX_DIAGNOSTIC);
  }

  private static String clean(String value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_DIAGNOSTIC + 8));
    for (int i = 0; i < value.length() && out.length() <= MAX_DIAGNOSTIC; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(' ');
      } else if (c == '"') {
        out.append('\'');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String cut(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    return value.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
  }
}
