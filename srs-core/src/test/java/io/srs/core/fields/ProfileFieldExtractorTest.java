package io.srs.core.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.metadata.RecordingMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ProfileFieldExtractorTest {
  private static final String RS = "urn:ietf:params:xml:ns:recording:1";

  private static FieldSources sources(Map<String, List<String>> headers, String... bodies) {
    List<byte[]> raw = new ArrayList<>();
    for (String body : bodies) {
      raw.add(body.getBytes(StandardCharsets.UTF_8));
    }
    return new FieldSources(RecordingMetadata.EMPTY, raw, headers, null, null);
  }

  private static String recording(String children) {
    return "<recording xmlns='" + RS + "'>" + children + "</recording>";
  }

  @Test
  void aUserRuleWinsOverTheProfileRuleForTheSameField() {
    ProfileFieldExtractor extractor =
        ProfileFieldExtractor.withBuiltInProfiles(
            List.of(FieldRule.parse("agentId", "header X-Crm-Agent")));

    NormalisedFields fields = extractor.extract(Corpus.sources("genesys-cloud"));

    assertThat(fields.profile()).isEqualTo("genesys");
    assertThat(fields.values()).containsEntry("agentId", "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");

    FieldSources withCrmHeader =
        withHeader(Corpus.sources("genesys-cloud"), "x-crm-agent", "crm-9");
    assertThat(extractor.extract(withCrmHeader).values()).containsEntry("agentId", "crm-9");
  }

  @Test
  void aUserRuleAddsACustomFieldReportedAfterTheStandardOnes() {
    ProfileFieldExtractor extractor =
        ProfileFieldExtractor.withBuiltInProfiles(
            List.of(FieldRule.parse("tier", "xpath //*[local-name()='tier'] ~ ^tier-(\\w+)$")));

    NormalisedFields fields =
        extractor.extract(
            sources(Map.of(), recording("<x:tier xmlns:x='urn:crm'>tier-gold</x:tier>")));

    assertThat(fields.values()).containsEntry("tier", "gold");
    assertThat(List.copyOf(fields.values().keySet())).last().isEqualTo("tier");
  }

  @Test
  void userRulesApplyWhenNoProfileMatches() {
    ProfileFieldExtractor extractor =
        ProfileFieldExtractor.builder()
            .profiles(List.of())
            .userRules(List.of(FieldRule.parse("agentId", "header x-agent")))
            .build();

    NormalisedFields fields = extractor.extract(sources(Map.of("x-agent", List.of("a-1"))));

    assertThat(fields.profile()).isEqualTo("generic");
    assertThat(fields.values()).isEqualTo(Map.of("agentId", "a-1"));
  }

  @Test
  void theLatestMetadataBodyWinsForAnXPathRule() {
    ProfileFieldExtractor extractor = extractorWith("field queue xpath //*[local-name()='q']");

    NormalisedFields fields =
        extractor.extract(
            sources(
                Map.of(),
                recording("<v:q xmlns:v='urn:v'>sales</v:q>"),
                recording("<v:q xmlns:v='urn:v'>retention</v:q>")));

    assertThat(fields.values()).containsEntry("queue", "retention");
  }

  @Test
  void anOlderBodyStillAnswersWhatTheLatestDoesNotCarry() {
    ProfileFieldExtractor extractor = extractorWith("field queue xpath //*[local-name()='q']");

    NormalisedFields fields =
        extractor.extract(
            sources(Map.of(), recording("<v:q xmlns:v='urn:v'>sales</v:q>"), recording("")));

    assertThat(fields.values()).containsEntry("queue", "sales");
  }

  @Test
  void onlyTheLastMaxBodiesAreConsidered() {
    ProfileFieldExtractor extractor =
        ProfileFieldExtractor.builder()
            .profiles(List.of(profile("field queue xpath //*[local-name()='q']")))
            .limits(new ExtractionLimits(2, 1 << 20, 1024))
            .build();

    NormalisedFields fields =
        extractor.extract(
            sources(
                Map.of(),
                recording("<v:q xmlns:v='urn:v'>old</v:q>"),
                recording(""),
                recording("")));

    assertThat(fields.values()).doesNotContainKey("queue");
  }

  @Test
  void aBodyThatWouldPassTheByteBoundIsSkipped() {
    String big = recording("<v:q xmlns:v='urn:v'>" + "x".repeat(2000) + "</v:q>");
    ProfileFieldExtractor extractor =
        ProfileFieldExtractor.builder()
            .profiles(List.of(profile("field queue xpath //*[local-name()='q']")))
            .limits(new ExtractionLimits(16, 1000, 5000))
            .build();

    assertThat(extractor.extract(sources(Map.of(), big)).values()).isEmpty();
  }

  @Test
  void aValueLongerThanTheBoundIsNotAField() {
    ProfileFieldExtractor extractor =
        ProfileFieldExtractor.builder()
            .profiles(List.of(profile("field agentId header x-agent")))
            .limits(new ExtractionLimits(16, 1 << 20, 8))
            .build();

    assertThat(extractor.extract(sources(Map.of("x-agent", List.of("123456789")))).values())
        .isEmpty();
  }

  @Test
  void aRegexWithoutAMatchFallsThroughToTheNextRule() {
    ProfileFieldExtractor extractor =
        extractorWith("field ani header x-ani ~ ^tel:(\\d+)$\nfield ani header x-backup");

    NormalisedFields fields =
        extractor.extract(
            sources(Map.of("x-ani", List.of("anonymous"), "x-backup", List.of("4711"))));

    assertThat(fields.values()).containsEntry("ani", "4711");
  }

  @Test
  void aMatchOnAHeaderValueSelectsTheProfile() throws Exception {
    Profile acme = ProfileParser.parse("acme.profile", "match header user-agent ~ (?i)acme\n");
    Profile other = ProfileParser.parse("other.profile", "field ucid header x-u\n");
    ProfileFieldExtractor extractor =
        ProfileFieldExtractor.builder().profiles(List.of(acme, other)).build();

    assertThat(extractor.extract(sources(Map.of("user-agent", List.of("ACME SBC")))).profile())
        .isEqualTo("acme");
    assertThat(extractor.extract(sources(Map.of("user-agent", List.of("Other")))).profile())
        .isEqualTo("other");
  }

  @Test
  void aFallbackToAnUnknownProfileIsRefusedAtConstruction() throws Exception {
    Profile orphan = ProfileParser.parse("orphan.profile", "fallback nowhere\n");

    assertThatThrownBy(() -> ProfileFieldExtractor.builder().profiles(List.of(orphan)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("profile 'orphan' falls back to 'nowhere', which is not among the profiles");
  }

  @Test
  void twoProfilesWithOneNameAreRefused() throws Exception {
    Profile one = ProfileParser.parse("a.profile", "");

    assertThatThrownBy(() -> ProfileFieldExtractor.builder().profiles(List.of(one, one)).build())
        .hasMessage("two profiles are named 'a'");
  }

  @Test
  void concurrentExtractionsOnOneExtractorAllGiveTheSameFields() throws Exception {
    ProfileFieldExtractor extractor = ProfileFieldExtractor.withBuiltInProfiles(List.of());
    List<String> cases = Corpus.cases();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String name = cases.get(i % cases.size());
        FieldSources sources = Corpus.sources(name);
        Map<String, String> expected = Corpus.expected(name);
        expected.remove("profile");
        results.add(pool.submit(() -> extractor.extract(sources).values().equals(expected)));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static ProfileFieldExtractor extractorWith(String profileText) {
    return ProfileFieldExtractor.builder().profiles(List.of(profile(profileText))).build();
  }

  private static Profile profile(String text) {
    try {
      return ProfileParser.parse("test.profile", text);
    } catch (ProfileSyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static FieldSources withHeader(FieldSources sources, String name, String value) {
    var headers = new java.util.HashMap<>(sources.headers());
    headers.put(name, List.of(value));
    return new FieldSources(
        sources.metadata(), sources.rawMetadata(), headers, sources.fromUri(), sources.toUri());
  }
}
