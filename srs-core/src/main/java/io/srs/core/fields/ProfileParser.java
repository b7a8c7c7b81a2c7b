package io.srs.core.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a profile file: pure, text in, {@link Profile} or a {@link ProfileSyntaxException} naming
 * {@code file:line} and what was expected out.
 *
 * <p>The format is one directive per line; blank lines and lines whose first non-blank character is
 * {@code #} are ignored (a {@code #} later in a line is text: regexes and XPath use it):
 *
 * <pre>
 * profile  NAME                          optional, first; default: the file name less ".profile"
 * fallback NAME                          optional; NAME's rules are tried after this profile's
 * match header NAME                      the INVITE has header NAME (any case), non-blank
 * match header NAME ~ REGEX              ... with a value in which REGEX is found
 * match namespace URI                    a raw metadata body uses or declares namespace URI
 * match namespace ~ REGEX                ... a namespace in which REGEX is found
 * match root LOCAL-NAME                  a raw metadata body's root element has this local name
 * match element LOCAL-NAME               a raw metadata body has an element with this local name
 * field FIELD SOURCE [ARGUMENT] [~ REGEX]
 * </pre>
 *
 * A profile matches when any of its {@code match} lines holds; a profile without one matches every
 * call. SOURCE is one of {@code header NAME}, {@code xpath EXPRESSION}, {@code participant-aor N},
 * {@code sender-aor N}, {@code from-uri}, {@code to-uri} (see {@link RuleSource}). The optional
 * {@code ~ REGEX} (space, tilde, space) cleans the value: group 1 if the regex has a group, else
 * the whole match; no match means the rule finds nothing. Rules for one field are tried in file
 * order; the first non-blank value wins.
 */
public final class ProfileParser {
  /** The suffix of profile files. */
  public static final String SUFFIX = ".profile";

  /** The longest line accepted: profiles are small, hand-written files. */
  static final int MAX_LINE = 2000;

  private ProfileParser() {}

  /**
   * Parses {@code text}, read from {@code source} (a file name, used in errors and for the default
   * profile name).
   */
  public static Profile parse(String source, String text) throws ProfileSyntaxException {
    String name = defaultName(source);
    String fallback = null;
    boolean seenOther = false;
    List<MatchCondition> conditions = new ArrayList<>();
    List<FieldRule> rules = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.length() > MAX_LINE) {
        throw new ProfileSyntaxException(
            source, number, "line is " + line.length() + " characters; the limit is " + MAX_LINE);
      }
      String directive = firstWord(line);
      String rest = line.substring(directive.length()).strip();
      switch (directive.toLowerCase(Locale.ROOT)) {
        case "profile" -> {
          if (seenOther) {
            throw new ProfileSyntaxException(
                source, number, "'profile' must come before every other directive");
          }
          name = single(source, number, "profile", rest);
          seenOther = true;
        }
        case "fallback" -> {
          if (fallback != null) {
            throw new ProfileSyntaxException(source, number, "'fallback' given twice");
          }
          fallback = single(source, number, "fallback", rest);
          seenOther = true;
        }
        case "match" -> {
          conditions.add(match(source, number, rest));
          seenOther = true;
        }
        case "field" -> {
          rules.add(field(source, number, rest));
          seenOther = true;
        }
        default ->
            throw new ProfileSyntaxException(
                source,
                number,
                "expected 'profile', 'fallback', 'match' or 'field', got '" + directive + "'");
      }
    }
    try {
      return new Profile(name, conditions, rules, fallback);
    } catch (IllegalArgumentException e) {
      throw new ProfileSyntaxException(source, 1, e.getMessage());
    }
  }

  private static MatchCondition match(String source, int number, String rest)
      throws ProfileSyntaxException {
    String kindWord = firstWord(rest);
    String args = rest.substring(kindWord.length()).strip();
    MatchCondition.Kind kind = null;
    for (MatchCondition.Kind candidate : MatchCondition.Kind.values()) {
      if (candidate.keyword().equalsIgnoreCase(kindWord)) {
        kind = candidate;
      }
    }
    if (kind == null) {
      throw new ProfileSyntaxException(
          source,
          number,
          "expected 'match header', 'match namespace', 'match root' or 'match element', got 'match "
              + kindWord
              + "'");
    }
    String padded = " " + args;
    String name = args;
    String regex = null;
    int tilde = padded.indexOf(FieldRule.REGEX_SEPARATOR);
    if (tilde >= 0) {
      name = padded.substring(0, tilde).strip();
      regex = padded.substring(tilde + FieldRule.REGEX_SEPARATOR.length()).strip();
      if (regex.isEmpty()) {
        throw new ProfileSyntaxException(source, number, "expected a regex after '~'");
      }
    }
    if (name.contains(" ")) {
      throw new ProfileSyntaxException(
          source,
          number,
          "expected one name after 'match " + kind.keyword() + "', got '" + name + "'");
    }
    try {
      return new MatchCondition(kind, name.isEmpty() ? null : name, regex);
    } catch (PatternSyntaxException e) {
      throw new ProfileSyntaxException(
          source, number, "regex '" + regex + "' does not compile: " + e.getDescription());
    } catch (IllegalArgumentException e) {
      throw new ProfileSyntaxException(source, number, "expected " + e.getMessage());
    }
  }

  private static FieldRule field(String source, int number, String rest)
      throws ProfileSyntaxException {
    String field = firstWord(rest);
    String spec = rest.substring(field.length()).strip();
    if (field.isEmpty() || spec.isEmpty()) {
      throw new ProfileSyntaxException(
          source,
          number,
          "expected 'field NAME SOURCE [ARGUMENT] [~ REGEX]', got 'field " + rest + "'");
    }
    try {
      return FieldRule.parse(field, spec);
    } catch (IllegalArgumentException e) {
      throw new ProfileSyntaxException(source, number, e.getMessage());
    }
  }

  private static String single(String source, int number, String directive, String rest)
      throws ProfileSyntaxException {
    if (rest.isEmpty() || rest.contains(" ")) {
      throw new ProfileSyntaxException(
          source,
          number,
          "expected '" + directive + " NAME', got '" + directive + " " + rest + "'");
    }
    return rest;
  }

  private static String firstWord(String text) {
    int space = text.indexOf(' ');
    int tab = text.indexOf('\t');
    int end = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
    return end < 0 ? text : text.substring(0, end);
  }

  private static String defaultName(String source) {
    String base = source == null ? "profile" : source;
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    base = base.substring(slash + 1);
    return base.endsWith(SUFFIX) ? base.substring(0, base.length() - SUFFIX.length()) : base;
  }
}
