package io.srs.daemon.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.OfferedCrypto;
import io.srs.core.media.SrtpSuite;
import io.srs.sip.sdp.CryptoAttributeParser;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SdesOfferTest {
  private final SecureRandom random = new SecureRandom();

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void theOfferedLineParsesBackToTheSameKeysWithTheRecordersOwnParser(SrtpSuite suite) {
    SdesOffer offer = SdesOffer.generate(suite, random);

    String value = offer.attribute().substring("crypto:".length());
    OfferedCrypto parsed = CryptoAttributeParser.parse(value);

    assertThat(parsed.tag()).isEqualTo(SdesOffer.TAG);
    assertThat(parsed.keys()).isEqualTo(offer.keys());
    assertThat(offer.suite()).isEqualTo(suite);
  }

  @Test
  void everyStreamGetsItsOwnKey() {
    SdesOffer first = SdesOffer.generate(SrtpSuite.AES_CM_128_HMAC_SHA1_80, random);
    SdesOffer second = SdesOffer.generate(SrtpSuite.AES_CM_128_HMAC_SHA1_80, random);
    assertThat(first.keys()).isNotEqualTo(second.keys());
  }

  @Test
  void itsStringFormNamesTheSuiteAndNeverTheKey() {
    SdesOffer offer = SdesOffer.generate(SrtpSuite.AEAD_AES_256_GCM, random);
    String inline = offer.attribute().substring(offer.attribute().indexOf("inline:") + 7);
    assertThat(Base64.getDecoder().decode(inline)).hasSize(32 + 12);
    assertThat(offer.toString()).contains("AEAD_AES_256_GCM").doesNotContain(inline);
  }
}
