package io.srs.sip.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Header fields by case-insensitive name (RFC 3261 §7.3.1), with the compact forms of RFC 3261
 * §7.3.3 and later RFCs resolved to their full names. Immutable. Values are kept as received, one
 * entry per header line; {@link #tokens} splits comma-separated lists.
 */
public final class SipHeaders {
  /** Compact form → full name, lower case (RFC 3261 §7.3.3, RFC 3265, RFC 3515, RFC 4028). */
  private static final Map<String, String> COMPACT =
      Map.ofEntries(
          Map.entry("i", "call-id"),
          Map.entry("m", "contact"),
          Map.entry("e", "content-encoding"),
          Map.entry("l", "content-length"),
          Map.entry("c", "content-type"),
          Map.entry("f", "from"),
          Map.entry("s", "subject"),
          Map.entry("k", "supported"),
          Map.entry("t", "to"),
          Map.entry("v", "via"),
          Map.entry("o", "event"),
          Map.entry("u", "allow-events"),
          Map.entry("r", "refer-to"),
          Map.entry("b", "referred-by"),
          Map.entry("x", "session-expires"));

  public static final SipHeaders EMPTY = new SipHeaders(Map.of());

  private final Map<String, List<String>> byName;

  private SipHeaders(Map<String, List<String>> byName) {
    this.byName = byName;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The canonical lookup key of a header name: lower case, compact forms expanded. */
  public static String canonical(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return COMPACT.getOrDefault(lower, lower);
  }

  /** The first value of a header, as received. */
  public Optional<String> first(String name) {
    List<String> values = byName.get(canonical(name));
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a header, one per header line, in order. */
  public List<String> all(String name) {
    return byName.getOrDefault(canonical(name), List.of());
  }

  public boolean contains(String name) {
    return byName.containsKey(canonical(name));
  }

  /**
   * The comma-separated tokens of a list header such as Require or Supported (RFC 3261 §7.3.1),
   * trimmed and lower-cased; option tags compare case-insensitively (RFC 3261 §19.2).
   */
  public List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>();
    for (String value : all(name)) {
      for (String token : value.split(",")) {
        String trimmed = token.trim();
        if (!trimmed.isEmpty()) {
          tokens.add(trimmed.toLowerCase(Locale.ROOT));
        }
      }
    }
    return List.copyOf(tokens);
  }

  /** Canonical (lower-case, full) names present. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  @Override
  public String toString() {
    return byName.toString();
  }

  /** Collects header lines; {@link #build()} freezes them. */
  public static final class Builder {
    private final Map<String, List<String>> byName = new LinkedHashMap<>();

    private Builder() {}

    public Builder add(String name, String value) {
      byName.computeIfAbsent(canonical(name), k -> new ArrayList<>()).add(value.trim());
      return this;
    }

    public SipHeaders build() {
      Map<String, List<String>> frozen = new LinkedHashMap<>();
      byName.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
      return new SipHeaders(java.util.Collections.unmodifiableMap(frozen));
    }
  }
}
