package io.srs.core.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldRuleTest {

  @Test
  void aHeaderRuleStoresTheNameInLowerCase() {
    assertThat(FieldRule.parse("agentId", "header X-Agent-Id"))
        .isEqualTo(new FieldRule("agentId", RuleSource.HEADER, "x-agent-id", null));
  }

  @Test
  void anXPathRuleKeepsSpacesInTheExpressionAndSplitsOffTheRegex() {
    FieldRule rule =
        FieldRule.parse("queue", "xpath //*[local-name()='q' and @type = 'skill'] ~ ^q-(.+)$");

    assertThat(rule.argument()).isEqualTo("//*[local-name()='q' and @type = 'skill']");
    assertThat(rule.regex()).isEqualTo("^q-(.+)$");
  }

  @Test
  void aSourceWithoutArgumentRefusesOne() {
    assertThatThrownBy(() -> FieldRule.parse("ani", "from-uri 1"))
        .hasMessage("rule for ani: source 'from-uri' takes no argument, got '1'");
  }

  @Test
  void aSourceThatNeedsAnArgumentSaysSo() {
    assertThatThrownBy(() -> FieldRule.parse("agentId", "header"))
        .hasMessage("rule for agentId: source 'header' needs an argument");
  }

  @Test
  void anXPathFromConfigurationThatDoesNotCompileIsRefusedNamingTheExpression() {
    assertThatThrownBy(() -> FieldRule.parse("agentId", "xpath //agent[@id="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "rule for agentId: XPath expression '//agent[@id=' does not compile: ");
  }

  @Test
  void anXPathWithAnUnboundPrefixIsRefusedAtConstruction() {
    assertThatThrownBy(() -> FieldRule.parse("agentId", "xpath //ac:agent"))
        .hasMessageStartingWith("rule for agentId: XPath expression '//ac:agent' does not compile");
  }

  @Test
  void aHeaderNameThatIsNotATokenIsRefused() {
    assertThatThrownBy(() -> FieldRule.parse("agentId", "header X Agent"))
        .hasMessage("rule for agentId: 'X Agent' is not a SIP header name (RFC 3261 token)");
  }

  @Test
  void aFieldNameMustBeAnIdentifier() {
    assertThatThrownBy(() -> FieldRule.parse("agent id", "header x"))
        .hasMessageStartingWith("field name 'agent id' is not valid");
  }

  @Test
  void anEmptyRegexAfterTheTildeIsRefused() {
    assertThatThrownBy(() -> FieldRule.parse("ani", "from-uri ~ "))
        .hasMessageContaining("expected a regex after '~'");
  }
}
