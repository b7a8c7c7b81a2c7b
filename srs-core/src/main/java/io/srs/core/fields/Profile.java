package io.srs.core.fields;

import java.util.List;
import java.util.Objects;

/**
 * The extraction rules of one SRC family, read from a profile file by {@link ProfileParser}.
 *
 * @param name the profile's name, reported as {@link NormalisedFields#profile()}
 * @param conditions any one of them selects this profile; none means it matches every call (the
 *     catch-all, {@code generic})
 * @param rules tried in order per field; the first non-blank value wins
 * @param fallback null, or the name of a profile whose rules are tried after this one's (built-in
 *     vendor profiles fall back to {@code generic} for what the vendor does not send)
 */
public record Profile(
    String name, List<MatchCondition> conditions, List<FieldRule> rules, String fallback) {
  public Profile {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
      throw new IllegalArgumentException(
          "profile name '"
              + name
              + "' is not valid; expected lower-case letters, digits, '_', '-'");
    }
    conditions = List.copyOf(conditions);
    rules = List.copyOf(rules);
  }

  /** True for a profile without conditions: it matches every call. */
  public boolean isCatchAll() {
    return conditions.isEmpty();
  }
}
