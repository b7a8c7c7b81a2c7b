package io.srs.core.fields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Extracts normalised fields through SRC profiles (data, see {@link ProfileParser}) and user rules.
 *
 * <p>For each call: the first profile whose match conditions hold is selected (a profile without
 * conditions matches every call; none matching means {@code generic}); then, per field, the user
 * rules are tried first, then the profile's rules, then the rules of the profile it falls back to;
 * the first non-blank value wins. Raw metadata bodies are parsed once per call, hardened and
 * bounded by {@link ExtractionLimits}.
 *
 * <p>Thread-safe, pure and never throwing: a body or rule that cannot be read yields no value.
 */
public final class ProfileFieldExtractor implements FieldExtractor {

  /** The standard fields, in the order they are reported; custom fields follow in rule order. */
  public static final List<String> STANDARD_FIELDS =
      List.of(
          "agentId",
          "conversationId",
          "ani",
          "dnis",
          "queue",
          "accountNumber",
          "direction",
          "groupId",
          "ucid");

  private final List<Profile> profiles;
  private final Map<String, List<FieldRule>> chains;
  private final List<FieldRule> userRules;
  private final Map<String, Pattern> patterns;
  private final ExtractionLimits limits;
  private final HardenedXml xml = new HardenedXml();
  private final XPathSupport xpath = new XPathSupport();

  private ProfileFieldExtractor(Builder builder) {
    this.profiles = List.copyOf(builder.profiles);
    this.userRules = List.copyOf(builder.userRules);
    this.limits = builder.limits;
    Map<String, Profile> byName = new HashMap<>();
    for (Profile profile : profiles) {
      if (byName.put(profile.name(), profile) != null) {
        throw new IllegalArgumentException("two profiles are named '" + profile.name() + "'");
      }
    }
    Map<String, List<FieldRule>> chainsByName = new HashMap<>();
    Map<String, Pattern> compiled = new HashMap<>();
    for (Profile profile : profiles) {
      List<FieldRule> chain = new ArrayList<>(userRules);
      chain.addAll(profile.rules());
      if (profile.fallback() != null && !profile.fallback().equals(profile.name())) {
        Profile fallback = byName.get(profile.fallback());
        if (fallback == null) {
          throw new IllegalArgumentException(
              "profile '"
                  + profile.name()
                  + "' falls back to '"
                  + profile.fallback()
                  + "', which is not among the profiles");
        }
        chain.addAll(fallback.rules());
      }
      chainsByName.put(profile.name(), List.copyOf(chain));
      for (MatchCondition condition : profile.conditions()) {
        compile(compiled, condition.regex());
      }
    }
    for (List<FieldRule> chain : chainsByName.values()) {
      chain.forEach(rule -> compile(compiled, rule.regex()));
    }
    userRules.forEach(rule -> compile(compiled, rule.regex()));
    this.chains = Map.copyOf(chainsByName);
    this.patterns = Map.copyOf(compiled);
  }

  /** An extractor over the built-in profiles with {@code userRules} tried first. */
  public static ProfileFieldExtractor withBuiltInProfiles(List<FieldRule> userRules) {
    return builder().userRules(userRules).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NormalisedFields extract(FieldSources sources) {
    Objects.requireNonNull(sources, "sources");
    Extraction extraction = new Extraction(sources, xml, xpath, patterns, limits);
    Profile profile = select(extraction);
    List<FieldRule> chain = profile == null ? userRules : chains.get(profile.name());
    Map<String, String> found = new LinkedHashMap<>();
    for (FieldRule rule : chain) {
      if (!found.containsKey(rule.field())) {
        String value = extraction.read(rule);
        if (value != null) {
          found.put(rule.field(), value);
        }
      }
    }
    return new NormalisedFields(
        ordered(found), profile == null ? Profiles.GENERIC : profile.name());
  }

  private Profile select(Extraction extraction) {
    for (Profile profile : profiles) {
      if (profile.isCatchAll()) {
        return profile;
      }
      for (MatchCondition condition : profile.conditions()) {
        if (extraction.matches(condition)) {
          return profile;
        }
      }
    }
    return null;
  }

  private static Map<String, String> ordered(Map<String, String> found) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String field : STANDARD_FIELDS) {
      String value = found.get(field);
      if (value != null) {
        ordered.put(field, value);
      }
    }
    found.forEach(ordered::putIfAbsent);
    return ordered;
  }

  private static void compile(Map<String, Pattern> compiled, String regex) {
    if (regex != null) {
      compiled.computeIfAbsent(regex, Pattern::compile);
    }
  }

  /** Configures an extractor; defaults: built-in profiles, no user rules, default limits. */
  public static final class Builder {
    private List<Profile> profiles;
    private List<FieldRule> userRules = List.of();
    private ExtractionLimits limits = ExtractionLimits.DEFAULT;

    private Builder() {}

    /** The profiles, in the order they are tried; default {@link Profiles#builtIn()}. */
    public Builder profiles(List<Profile> profiles) {
      this.profiles = List.copyOf(profiles);
      return this;
    }

    /** Rules tried before any profile's, in order (configuration {@code metadata.rules}). */
    public Builder userRules(List<FieldRule> userRules) {
      this.userRules = List.copyOf(userRules);
      return this;
    }

    public Builder limits(ExtractionLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * @throws IllegalArgumentException when two profiles share a name or a fallback names no
     *     profile
     */
    public ProfileFieldExtractor build() {
      if (profiles == null) {
        profiles = Profiles.builtIn();
      }
      return new ProfileFieldExtractor(this);
    }
  }
}
