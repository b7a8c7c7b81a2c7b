package io.srs.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderMapTest {

  @Test
  void namesAreLowerCaseWithCompactFormsExpandedAndValuesInOrder() {
    SipHeaders headers =
        SipHeaders.builder()
            .add("f", "<sip:a@example.com>;tag=1")
            .add("X-Genesys-AgentId", "a1")
            .add("x-genesys-agentid", "a2")
            .build();

    HeaderMap map = HeaderMap.of(headers);

    assertThat(map.headers()).containsOnlyKeys("from", "x-genesys-agentid");
    assertThat(map.headers().get("x-genesys-agentid")).containsExactly("a1", "a2");
    assertThat(map.clipped()).isFalse();
  }

  @Test
  void namesPastTheBoundAreDroppedAndCounted() {
    SipHeaders.Builder builder = SipHeaders.builder();
    for (int i = 0; i < HeaderMap.MAX_NAMES + 3; i++) {
      builder.add("X-H" + i, "v");
    }

    HeaderMap map = HeaderMap.of(builder.build());

    assertThat(map.headers()).hasSize(HeaderMap.MAX_NAMES).containsKey("x-h0");
    assertThat(map.droppedNames()).isEqualTo(3);
  }

  @Test
  void valuesPastTheBoundAreDroppedAndCounted() {
    SipHeaders.Builder builder = SipHeaders.builder();
    for (int i = 0; i < HeaderMap.MAX_VALUES_PER_NAME + 2; i++) {
      builder.add("Via", "SIP/2.0/UDP 192.0.2." + i);
    }

    HeaderMap map = HeaderMap.of(builder.build());

    assertThat(map.headers().get("via"))
        .hasSize(HeaderMap.MAX_VALUES_PER_NAME)
        .startsWith("SIP/2.0/UDP 192.0.2.0");
    assertThat(map.droppedValues()).isEqualTo(2);
  }

  @Test
  void longValuesAreCutToTheBoundAndCounted() {
    String longValue = "x".repeat(HeaderMap.MAX_VALUE_LENGTH + 10);

    HeaderMap map = HeaderMap.of(SipHeaders.builder().add("X-Long", longValue).build());

    assertThat(map.headers().get("x-long").get(0)).hasSize(HeaderMap.MAX_VALUE_LENGTH);
    assertThat(map.truncatedValues()).isEqualTo(1);
    assertThat(map.clipped()).isTrue();
  }

  @Test
  void theMapCannotBeChanged() {
    HeaderMap map = HeaderMap.of(SipHeaders.builder().add("To", "<sip:b@example.com>").build());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> map.headers().put("x", null))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
