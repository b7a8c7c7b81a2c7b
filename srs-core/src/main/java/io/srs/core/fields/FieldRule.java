package io.srs.core.fields;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One way to find one normalised field: read a {@link RuleSource}, optionally clean the value with
 * a regular expression. Rules come from profile files and from the {@code metadata.rules}
 * configuration; both are validated here, so a bad XPath or regex fails at start-up with a message
 * that names it, never on a live call.
 *
 * @param field the field name ({@code agentId}, {@code conversationId}, ... or a custom name:
 *     letters, digits, {@code _ . -}, starting with a letter)
 * @param source where the value is read
 * @param argument the header name (stored in lower case), XPath expression or 1-based position;
 *     null for sources without an argument
 * @param regex null, or a Java regex searched in the value: group 1 when the regex has a group,
 *     else the whole match, becomes the value; no match means the rule finds nothing
 */
public record FieldRule(String field, RuleSource source, String argument, String regex) {
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  /** Separates the regex from the rest of a rule spelled as text. */
  static final String REGEX_SEPARATOR = " ~ ";

  public FieldRule {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(source, "source");
    if (!FIELD_NAME.matcher(field).matches()) {
      throw new IllegalArgumentException(
          "field name '"
              + field
              + "' is not valid; expected a letter then letters, digits, '_', '.' or '-'");
    }
    argument = argument == null ? null : argument.strip();
    if (source.takesArgument() && (argument == null || argument.isEmpty())) {
      throw new IllegalArgumentException(
          "rule for " + field + ": source '" + source.keyword() + "' needs an argument");
    }
    if (!source.takesArgument() && argument != null && !argument.isEmpty()) {
      throw new IllegalArgumentException(
          "rule for "
              + field
              + ": source '"
              + source.keyword()
              + "' takes no argument, got '"
              + argument
              + "'");
    }
    if (!source.takesArgument()) {
      argument = null;
    }
    switch (source) {
      case HEADER -> argument = checkHeaderName(field, argument);
      case XPATH -> XPathSupport.checkCompiles(field, argument);
      case PARTICIPANT_AOR, SENDER_AOR -> checkPosition(field, source, argument);
      default -> {
        // FROM_URI and TO_URI take nothing to check.
      }
    }
    if (regex != null) {
      if (regex.isEmpty()) {
        regex = null;
      } else {
        checkRegex(field, regex);
      }
    }
  }

  /**
   * Reads a rule spelled {@code <source> [argument] [~ <regex>]}, as in a profile file's {@code
   * field} line after the field name, or a {@code metadata.rules} entry: {@code header X-Agent-Id},
   * {@code xpath //*[local-name()='agent'] ~ ^agent-(.*)$}, {@code participant-aor 1}.
   *
   * @throws IllegalArgumentException naming what was seen and what was expected
   */
  public static FieldRule parse(String field, String spec) {
    Objects.requireNonNull(spec, "spec");
    String text = spec.strip() + " ";
    String regex = null;
    int tilde = text.indexOf(REGEX_SEPARATOR);
    if (tilde >= 0) {
      regex = text.substring(tilde + REGEX_SEPARATOR.length()).strip();
      text = text.substring(0, tilde).strip();
      if (regex.isEmpty()) {
        throw new IllegalArgumentException(
            "rule for " + field + ": expected a regex after '~' in '" + spec + "'");
      }
    }
    text = text.strip();
    int space = text.indexOf(' ');
    String keyword = space < 0 ? text : text.substring(0, space);
    String argument = space < 0 ? null : text.substring(space + 1).strip();
    RuleSource source = RuleSource.fromKeyword(keyword);
    if (source == null) {
      throw new IllegalArgumentException(
          "rule for "
              + field
              + ": unknown source '"
              + keyword
              + "'; expected one of "
              + RuleSource.keywords());
    }
    return new FieldRule(field, source, argument, regex);
  }

  /** The 1-based position of a participant or stream source. */
  int position() {
    return Integer.parseInt(argument);
  }

  private static String checkHeaderName(String field, String name) {
    // RFC 3261 §25.1: a header name is a token; anything else can never match.
    if (!name.matches("[A-Za-z0-9!%'*+._`~-]+")) {
      throw new IllegalArgumentException(
          "rule for " + field + ": '" + name + "' is not a SIP header name (RFC 3261 token)");
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static void checkPosition(String field, RuleSource source, String argument) {
    boolean valid = argument.matches("[1-9][0-9]{0,2}");
    if (!valid) {
      throw new IllegalArgumentException(
          "rule for "
              + field
              + ": source '"
              + source.keyword()
              + "' expects a position from 1 to 999, got '"
              + argument
              + "'");
    }
  }

  private static void checkRegex(String field, String regex) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "rule for "
              + field
              + ": regex '"
              + regex
              + "' does not compile: "
              + e.getDescription()
              + " near index "
              + e.getIndex(),
          e);
    }
  }
}
