package io.srs.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipHeadersTest {

  @Test
  void namesAreCaseInsensitiveAndCompactFormsExpand() {
    SipHeaders headers =
        SipHeaders.builder()
            .add("c", "application/sdp")
            .add("CALL-ID", "abc")
            .add("k", "timer")
            .add("Supported", "siprec")
            .build();

    assertThat(headers.first("Content-Type")).contains("application/sdp");
    assertThat(headers.first("i")).contains("abc");
    assertThat(headers.all("supported")).containsExactly("timer", "siprec");
  }

  @Test
  void tokensSplitCommaListsAcrossLinesAndLowerCase() {
    SipHeaders headers =
        SipHeaders.builder().add("Require", "SipRec, timer").add("Require", " 100rel ,").build();

    assertThat(headers.tokens("require")).containsExactly("siprec", "timer", "100rel");
  }

  @Test
  void absentHeaderIsEmpty() {
    assertThat(SipHeaders.EMPTY.first("To")).isEmpty();
    assertThat(SipHeaders.EMPTY.tokens("Require")).isEmpty();
  }
}
