package io.srs.core.fields;

import java.util.Locale;

/**
 * Where a {@link FieldRule} reads its value. The keyword is how the source is spelled in a profile
 * file and in the {@code metadata.rules} configuration.
 */
public enum RuleSource {
  /** The first value of a SIP header of the INVITE; the argument is the header name. */
  HEADER("header", true),
  /**
   * An XPath 1.0 expression, evaluated as a string over each raw metadata body, latest first (so an
   * update wins over the original); the argument is the expression.
   */
  XPATH("xpath", true),
  /**
   * The first address of record of the n-th participant (1-based, document order) of the merged RFC
   * 7865 model (§6.5 {@code participant}); the argument is n.
   */
  PARTICIPANT_AOR("participant-aor", true),
  /**
   * The first address of record of the first participant that sends on the n-th metadata stream
   * (1-based, document order; RFC 7865 §6.9 {@code send}): the voice heard on that track; the
   * argument is n.
   */
  SENDER_AOR("sender-aor", true),
  /** The INVITE's From URI. */
  FROM_URI("from-uri", false),
  /** The INVITE's To URI. */
  TO_URI("to-uri", false);

  private final String keyword;
  private final boolean takesArgument;

  RuleSource(String keyword, boolean takesArgument) {
    this.keyword = keyword;
    this.takesArgument = takesArgument;
  }

  /** The spelling in profile files and configuration. */
  public String keyword() {
    return keyword;
  }

  /** True when the source needs an argument (a header name, an expression, a position). */
  public boolean takesArgument() {
    return takesArgument;
  }

  /** The source spelled {@code keyword}, case-insensitively, or null when there is none. */
  public static RuleSource fromKeyword(String keyword) {
    String lower = keyword == null ? "" : keyword.toLowerCase(Locale.ROOT);
    for (RuleSource source : values()) {
      if (source.keyword.equals(lower)) {
        return source;
      }
    }
    return null;
  }

  /** All keywords, for error messages. */
  static String keywords() {
    StringBuilder all = new StringBuilder();
    for (RuleSource source : values()) {
      if (all.length() > 0) {
        all.append(", ");
      }
      all.append(source.keyword);
    }
    return all.toString();
  }
}
