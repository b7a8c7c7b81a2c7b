package io.srs.core.fields;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One way a profile recognises its SRC family. A profile matches when any of its conditions holds.
 *
 * @param kind what is examined
 * @param name the header name (lower case), namespace URI or element local name; null for a
 *     namespace condition given only as a regex
 * @param regex null, or a Java regex that must be found in the header's value (any value) or in a
 *     namespace URI
 */
public record MatchCondition(Kind kind, String name, String regex) {

  /** What a condition examines. */
  public enum Kind {
    /** A SIP header of the INVITE: present (non-blank), or a value matching the regex. */
    HEADER("header"),
    /** A namespace used or declared in any raw metadata body: equal to name, or matching regex. */
    NAMESPACE("namespace"),
    /** The local name of the root element of any raw metadata body. */
    ROOT("root"),
    /** The local name of any element of any raw metadata body (a vendor's extension element). */
    ELEMENT("element");

    private final String keyword;

    Kind(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  public MatchCondition {
    Objects.requireNonNull(kind, "kind");
    if (name != null && name.isBlank()) {
      name = null;
    }
    if (kind == Kind.HEADER && name != null) {
      name = name.toLowerCase(Locale.ROOT);
    }
    if (regex != null) {
      Pattern.compile(regex); // throws PatternSyntaxException naming the problem
    }
    if (name == null && (kind != Kind.NAMESPACE || regex == null)) {
      throw new IllegalArgumentException("match " + kind.keyword + " needs a name");
    }
    if ((kind == Kind.ROOT || kind == Kind.ELEMENT) && regex != null) {
      throw new IllegalArgumentException(
          "match " + kind.keyword + " takes a local name, not a regex");
    }
  }
}
