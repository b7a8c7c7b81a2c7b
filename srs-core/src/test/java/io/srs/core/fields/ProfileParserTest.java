package io.srs.core.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileParserTest {

  @Test
  void aProfileReadsItsNameFallbackConditionsAndRulesInOrder() throws Exception {
    Profile profile =
        ProfileParser.parse(
            "acme.profile",
            """
            # a comment
            profile acme
            fallback generic

            match header User-Agent ~ (?i)acme
            match namespace urn:example:acme
            match namespace ~ (?i)acme
            match root recording
            match element callInfo
            field agentId header X-Agent
            field agentId xpath //*[local-name()='agent'] ~ ^agent-(.*)$
            field ani participant-aor 1
            """);

    assertThat(profile.name()).isEqualTo("acme");
    assertThat(profile.fallback()).isEqualTo("generic");
    assertThat(profile.conditions())
        .containsExactly(
            new MatchCondition(MatchCondition.Kind.HEADER, "user-agent", "(?i)acme"),
            new MatchCondition(MatchCondition.Kind.NAMESPACE, "urn:example:acme", null),
            new MatchCondition(MatchCondition.Kind.NAMESPACE, null, "(?i)acme"),
            new MatchCondition(MatchCondition.Kind.ROOT, "recording", null),
            new MatchCondition(MatchCondition.Kind.ELEMENT, "callInfo", null));
    assertThat(profile.rules())
        .containsExactly(
            new FieldRule("agentId", RuleSource.HEADER, "x-agent", null),
            new FieldRule("agentId", RuleSource.XPATH, "//*[local-name()='agent']", "^agent-(.*)$"),
            new FieldRule("ani", RuleSource.PARTICIPANT_AOR, "1", null));
  }

  @Test
  void theNameDefaultsToTheFileNameWithoutItsSuffix() throws Exception {
    Profile profile = ProfileParser.parse("dir/ribbon.profile", "field ucid header x-ucid\n");

    assertThat(profile.name()).isEqualTo("ribbon");
    assertThat(profile.isCatchAll()).isTrue();
  }

  @Test
  void anUnknownDirectiveIsReportedWithFileAndLine() {
    assertThatThrownBy(() -> ProfileParser.parse("x.profile", "# c\n\nfeild agentId header a\n"))
        .isInstanceOf(ProfileSyntaxException.class)
        .hasMessage("x.profile:3: expected 'profile', 'fallback', 'match' or 'field', got 'feild'")
        .satisfies(e -> assertThat(((ProfileSyntaxException) e).line()).isEqualTo(3));
  }

  @Test
  void anUnknownSourceNamesTheSourcesExpected() {
    assertThatThrownBy(() -> ProfileParser.parse("x.profile", "field agentId cookie a\n"))
        .hasMessageStartingWith("x.profile:1: rule for agentId: unknown source 'cookie'")
        .hasMessageContaining("expected one of header, xpath, participant-aor");
  }

  @Test
  void aFieldLineWithoutASourceSaysWhatWasExpected() {
    assertThatThrownBy(() -> ProfileParser.parse("x.profile", "field agentId\n"))
        .hasMessage(
            "x.profile:1: expected 'field NAME SOURCE [ARGUMENT] [~ REGEX]', got 'field agentId'");
  }

  @Test
  void anXPathThatDoesNotCompileIsReportedWithFileLineAndExpression() {
    assertThatThrownBy(() -> ProfileParser.parse("x.profile", "\nfield agentId xpath //*[\n"))
        .hasMessageStartingWith(
            "x.profile:2: rule for agentId: XPath expression '//*[' does not compile");
  }

  @Test
  void aRegexThatDoesNotCompileIsReportedWithFileAndLine() {
    assertThatThrownBy(() -> ProfileParser.parse("x.profile", "field ani from-uri ~ ([a-z\n"))
        .hasMessageStartingWith("x.profile:1: rule for ani: regex '([a-z' does not compile");
  }

  @Test
  void aMatchOfAnUnknownKindNamesTheKindsExpected() {
    assertThatThrownBy(() -> ProfileParser.parse("x.profile", "match cookie x\n"))
        .hasMessage(
            "x.profile:1: expected 'match header', 'match namespace', 'match root' or 'match"
                + " element', got 'match cookie'");
  }

  @Test
  void aMatchWithTwoNamesIsRefused() {
    assertThatThrownBy(() -> ProfileParser.parse("x.profile", "match header a b\n"))
        .hasMessage("x.profile:1: expected one name after 'match header', got 'a b'");
  }

  @Test
  void aProfileDirectiveAfterOthersIsRefused() {
    assertThatThrownBy(
            () -> ProfileParser.parse("x.profile", "field ucid header a\nprofile late\n"))
        .hasMessage("x.profile:2: 'profile' must come before every other directive");
  }

  @Test
  void aSecondFallbackIsRefused() {
    assertThatThrownBy(() -> ProfileParser.parse("x.profile", "fallback a\nfallback b\n"))
        .hasMessage("x.profile:2: 'fallback' given twice");
  }

  @Test
  void aPositionThatIsNotANumberIsRefused() {
    assertThatThrownBy(() -> ProfileParser.parse("x.profile", "field ani participant-aor first"))
        .hasMessage(
            "x.profile:1: rule for ani: source 'participant-aor' expects a position from 1 to"
                + " 999, got 'first'");
  }

  @Test
  void everyBuiltInProfileParsesAndGenericComesLast() {
    var profiles = Profiles.builtIn();

    assertThat(profiles)
        .extracting(Profile::name)
        .containsExactly(
            "genesys",
            "jambonz",
            "netsapiens",
            "broadworks",
            "opensips",
            "audiocodes",
            "oracle",
            "ribbon",
            "cisco",
            "avaya",
            "generic");
    assertThat(profiles.get(profiles.size() - 1).isCatchAll()).isTrue();
    assertThat(profiles.subList(0, profiles.size() - 1))
        .allSatisfy(p -> assertThat(p.fallback()).isEqualTo(Profiles.GENERIC));
  }
}
