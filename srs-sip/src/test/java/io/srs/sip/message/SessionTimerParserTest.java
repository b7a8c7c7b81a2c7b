package io.srs.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.sip.message.SessionExpires.Refresher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Session-Expires and Min-SE values as RFC 4028 §4 and §5 write them. */
class SessionTimerParserTest {

  @Test
  void aBareIntervalHasNoRefresher() {
    // RFC 4028 §4 example: "Session-Expires: 4000;refresher=uac"; here without the parameter.
    assertThat(SessionTimerParser.parseSessionExpires("1800"))
        .isEqualTo(new SessionExpires(1800, null));
  }

  @Test
  void theRefresherParameterIsReadCaseInsensitivelyWithSpacesAroundIt() {
    assertThat(SessionTimerParser.parseSessionExpires("4000 ; Refresher = UAC"))
        .isEqualTo(new SessionExpires(4000, Refresher.UAC));
    assertThat(SessionTimerParser.parseSessionExpires("90;refresher=uas"))
        .isEqualTo(new SessionExpires(90, Refresher.UAS));
  }

  @Test
  void genericParametersAreIgnored() {
    assertThat(SessionTimerParser.parseSessionExpires("600;x-vendor=1;refresher=uac;flag"))
        .isEqualTo(new SessionExpires(600, Refresher.UAC));
  }

  @Test
  void theCompactFormXNamesSessionExpires() {
    SipHeaders headers = SipHeaders.builder().add("x", "1800;refresher=uac").build();

    assertThat(headers.first("Session-Expires")).contains("1800;refresher=uac");
  }

  @Test
  void theLargestDeltaSecondsOfRfc3261IsRead() {
    // RFC 3261 §25.1 delta-seconds; 2^32-1 has ten digits.
    assertThat(SessionTimerParser.parseSessionExpires("4294967295").seconds())
        .isEqualTo(4_294_967_295L);
  }

  @Test
  void minSeIsDeltaSecondsWithParametersIgnored() {
    assertThat(SessionTimerParser.parseMinSe(" 90 ")).isEqualTo(90);
    assertThat(SessionTimerParser.parseMinSe("120;x=y")).isEqualTo(120);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "soon",
        "-5",
        "18 00",
        "1800,3600",
        "12345678901",
        "1800;refresher=both",
        "1800;refresher",
        "1800;refresher=uac;refresher=uas",
        "1800;;",
        "0x10"
      })
  void aMalformedSessionExpiresIsRejectedNamingTheHeader(String value) {
    assertThatThrownBy(() -> SessionTimerParser.parseSessionExpires(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Session-Expires")
        .hasMessageContaining("expected");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ninety", "90s", "-90"})
  void aMalformedMinSeIsRejectedNamingTheHeader(String value) {
    assertThatThrownBy(() -> SessionTimerParser.parseMinSe(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Min-SE");
  }

  @Test
  void tooManyParametersAreRefused() {
    assertThatThrownBy(() -> SessionTimerParser.parseSessionExpires("90" + ";a".repeat(17)))
        .hasMessageContaining("at most " + SessionTimerParser.MAX_PARAMETERS);
  }

  @Test
  void ourHeaderValueNamesTheRefresher() {
    assertThat(new SessionExpires(1800, Refresher.UAC).toHeaderValue())
        .isEqualTo("1800;refresher=uac");
  }
}
