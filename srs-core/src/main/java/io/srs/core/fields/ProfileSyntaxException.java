package io.srs.core.fields;

/** A profile file that cannot be read; the message starts {@code file:line:}. */
public final class ProfileSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  ProfileSyntaxException(String source, int line, String problem) {
    super(source + ":" + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** The file name (or other label) the text came from. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return line;
  }
}
