package io.srs.sip.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentTypeTest {

  @Test
  void typeAndSubtypeAreLowerCasedAndParametersKeptAsSent() throws Exception {
    ContentType type = ContentType.parse("Multipart/MIXED; Boundary=AbC123 ; charset=x");

    assertThat(type.mediaType()).isEqualTo("multipart/mixed");
    assertThat(type.parameter("boundary")).contains("AbC123");
    assertThat(type.parameter("CHARSET")).contains("x");
  }

  @Test
  void quotedParameterValueLosesItsQuotesAndEscapes() throws Exception {
    ContentType type = ContentType.parse("multipart/mixed;boundary=\"a \\\"b\\\";c\"");

    assertThat(type.parameter("boundary")).contains("a \"b\";c");
  }

  @Test
  void missingSlashIsRefused() {
    assertThatThrownBy(() -> ContentType.parse("sdp"))
        .isInstanceOf(MultipartException.class)
        .hasMessage("Content-Type \"sdp\" is not type/subtype");
  }

  @Test
  void unterminatedQuoteIsRefused() {
    assertThatThrownBy(() -> ContentType.parse("multipart/mixed;boundary=\"abc"))
        .hasMessage("Content-Type parameter boundary has an unterminated quoted string");
  }

  @Test
  void trailingSemicolonIsHarmless() throws Exception {
    assertThat(ContentType.parse("application/sdp;").mediaType()).isEqualTo("application/sdp");
  }
}
