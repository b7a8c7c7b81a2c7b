package io.srs.sip.sdp;

import static io.srs.core.media.SrtpSuite.AEAD_AES_128_GCM;
import static io.srs.core.media.SrtpSuite.AEAD_AES_256_GCM;
import static io.srs.core.media.SrtpSuite.AES_256_CM_HMAC_SHA1_32;
import static io.srs.core.media.SrtpSuite.AES_256_CM_HMAC_SHA1_80;
import static io.srs.core.media.SrtpSuite.AES_CM_128_HMAC_SHA1_32;
import static io.srs.core.media.SrtpSuite.AES_CM_128_HMAC_SHA1_80;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.OfferedCrypto;
import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 4568 §9.1 {@code a=crypto} values: the RFC's examples, SBC-shaped lines, broken ones. */
class CryptoAttributeParserTest {

  /** The key||salt of RFC 4568's examples (§4, §10): 30 bytes, AES_CM_128 sized. */
  private static final String RFC_KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

  /** A second 30-byte key||salt from RFC 4568 §10. */
  private static final String RFC_KEY_2 = "NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj";

  /** base64 of {@code length} bytes counting up from {@code first}. */
  private static String key(int first, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (first + i);
    }
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static SrtpKeys usable(String value) {
    OfferedCrypto line = CryptoAttributeParser.parse(value);
    assertThat(line.problem()).as("problem of %s", value).isNull();
    return line.keys();
  }

  private static String problem(String value) {
    OfferedCrypto line = CryptoAttributeParser.parse(value);
    assertThat(line.isUsable()).as("usable: %s", value).isFalse();
    return line.problem();
  }

  @Test
  void rfc4568Section10OfferLineWithLifetimeAndMki() {
    OfferedCrypto line =
        CryptoAttributeParser.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + RFC_KEY + "|2^20|1:4");

    assertThat(line.tag()).isEqualTo(1);
    SrtpKeys keys = line.keys();
    assertThat(keys.suite()).isEqualTo(AES_CM_128_HMAC_SHA1_80);
    byte[] keySalt = Base64.getDecoder().decode(RFC_KEY);
    // key||salt: the first 16 bytes are the master key, the next 14 the master salt (§6.1).
    assertThat(keys.masterKey()).isEqualTo(Arrays.copyOfRange(keySalt, 0, 16));
    assertThat(keys.masterSalt()).isEqualTo(Arrays.copyOfRange(keySalt, 16, 30));
    assertThat(keys.mkiLength()).isEqualTo(4); // "1:4": MKI value 1, 4 bytes on every packet
    assertThat(keys.mkiValue()).isEqualTo(1);
    assertThat(keys.srtpEncrypted()).isTrue();
    assertThat(keys.srtcpEncrypted()).isTrue();
    assertThat(keys.srtpAuthenticated()).isTrue();
  }

  @Test
  void rfc4568Section10SecondLineWithFecOrderIsUsable() {
    SrtpKeys keys =
        usable("2 AES_CM_128_HMAC_SHA1_32 inline:" + RFC_KEY_2 + "|2^20|1:4 FEC_ORDER=FEC_SRTP");

    assertThat(keys.suite()).isEqualTo(AES_CM_128_HMAC_SHA1_32);
  }

  @Test
  void rfc4568Section4ExampleHas32ByteMkiWhichWeCannotHold() {
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + RFC_KEY + "|2^20|1:32"))
        .isEqualTo("MKI of 32 bytes; at most 4 supported");
  }

  @Test
  void genesysShapedLineWithLifetime2To31() {
    SrtpKeys keys = usable("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + "|2^31");

    assertThat(keys.mkiLength()).isZero();
    assertThat(keys.masterKey()[0]).isEqualTo((byte) 1);
    assertThat(keys.masterSalt()[0]).isEqualTo((byte) 17);
  }

  @Test
  void audioCodesShapedLinesWithoutLifetimeAndWith32BitTag() {
    assertThat(usable("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30)).suite())
        .isEqualTo(AES_CM_128_HMAC_SHA1_80);
    assertThat(usable("2 AES_CM_128_HMAC_SHA1_32 inline:" + key(1, 30)).suite())
        .isEqualTo(AES_CM_128_HMAC_SHA1_32);
  }

  @Test
  void oracleShapedLineWithLifetimeAndMkiOneToFour() {
    SrtpKeys keys = usable("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + "|2^31|1:4");

    assertThat(keys.mkiLength()).isEqualTo(4);
    assertThat(keys.mkiValue()).isEqualTo(1);
  }

  @Test
  void mkiWithoutLifetimeIsRead() {
    SrtpKeys keys = usable("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + "|7:1");

    assertThat(keys.mkiLength()).isEqualTo(1);
    assertThat(keys.mkiValue()).isEqualTo(7);
  }

  @Test
  void decimalLifetimeIsAccepted() {
    usable("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + "|1048576");
  }

  @Test
  void aes256AndGcmSuitesTakeTheirOwnKeyAndSaltLengthsWithPadding() {
    // 46, 44 and 28 bytes: base64 with "==", "=" and "==" padding.
    assertThat(usable("1 AES_256_CM_HMAC_SHA1_80 inline:" + key(1, 46)).masterKey()).hasSize(32);
    assertThat(usable("1 AES_256_CM_HMAC_SHA1_32 inline:" + key(1, 46)).suite())
        .isEqualTo(AES_256_CM_HMAC_SHA1_32);
    SrtpKeys gcm256 = usable("1 AEAD_AES_256_GCM inline:" + key(1, 44));
    assertThat(gcm256.masterKey()).hasSize(32);
    assertThat(gcm256.masterSalt()).hasSize(12);
    SrtpKeys gcm128 = usable("1 AEAD_AES_128_GCM inline:" + key(1, 28));
    assertThat(gcm128.suite()).isEqualTo(AEAD_AES_128_GCM);
    assertThat(gcm128.masterSalt()).hasSize(12);
  }

  @Test
  void base64WithoutPaddingIsAccepted() {
    String padded = key(1, 46);
    assertThat(padded).endsWith("==");

    assertThat(usable("1 AES_256_CM_HMAC_SHA1_80 inline:" + padded.replace("=", "")).masterKey())
        .hasSize(32);
  }

  @Test
  void suiteNamesAndTheInlineMethodAreReadInAnyCase() {
    assertThat(usable("1 aes_cm_128_hmac_sha1_80 INLINE:" + key(1, 30)).suite())
        .isEqualTo(AES_CM_128_HMAC_SHA1_80);
  }

  @Test
  void tabsAndRunsOfSpacesSeparateFields() {
    usable("1 \t AES_CM_128_HMAC_SHA1_80  inline:" + key(1, 30) + "\tUNENCRYPTED_SRTCP");
  }

  @Test
  void negotiatedSessionParametersBecomeFlags() {
    SrtpKeys keys =
        usable(
            "1 AES_CM_128_HMAC_SHA1_80 inline:"
                + key(1, 30)
                + " UNENCRYPTED_SRTP UNENCRYPTED_SRTCP UNAUTHENTICATED_SRTP");

    assertThat(keys.srtpEncrypted()).isFalse();
    assertThat(keys.srtcpEncrypted()).isFalse();
    assertThat(keys.srtpAuthenticated()).isFalse();
  }

  @Test
  void declarativeParametersWeDoNotNeedAreCheckedAndIgnored() {
    usable(
        "1 AES_CM_128_HMAC_SHA1_80 inline:"
            + key(1, 30)
            + " KDR=0 WSH=128 FEC_ORDER=SRTP_FEC FEC_KEY=inline:"
            + key(50, 30)
            + "|2^20");
  }

  @Test
  void aKeyDerivationRateOtherThanZeroIsUnusable() {
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + " KDR=10"))
        .isEqualTo("KDR=10: periodic session key derivation is not supported");
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + " KDR=25"))
        .contains("RFC 4568 §6.3.1");
  }

  @Test
  void aWindowSizeHintBelow64IsInvalid() {
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + " WSH=32"))
        .contains("WSH");
  }

  @Test
  void anUnknownSessionParameterMakesTheLineUnusable() {
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + " FOO_BAR=1"))
        .isEqualTo("unknown session parameter FOO_BAR (RFC 4568 §6.3)");
  }

  @Test
  void anUnknownParameterMarkedIgnorableWithADashIsIgnored() {
    usable("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + " -VENDOR_HINT=3");
  }

  @Test
  void anUnknownSuiteIsUnusableButKeepsItsNameForTheWarning() {
    OfferedCrypto line = CryptoAttributeParser.parse("3 F8_128_HMAC_SHA1_80 inline:" + key(1, 30));

    assertThat(line.tag()).isEqualTo(3);
    assertThat(line.suiteName()).isEqualTo("F8_128_HMAC_SHA1_80");
    assertThat(line.problem()).isEqualTo("crypto-suite not supported");
  }

  @Test
  void aKeyOfTheWrongLengthIsUnusableNamingBothLengths() {
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 29)))
        .isEqualTo(
            "key||salt is 29 bytes; AES_CM_128_HMAC_SHA1_80 needs 30 (16-byte key, 14-byte salt)");
    // An AES-256 key under an AES-128 suite name.
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 46))).contains("46 bytes");
  }

  @Test
  void badBase64IsUnusableWithoutQuotingIt() {
    String broken = "PS1uQCVeeCFCanVmcjkp*ywjNWhcYD0mXXtxaVBR";

    String problem = problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + broken);

    assertThat(problem).isEqualTo("key||salt is not valid base64 (RFC 4568 §6.1)");
    assertThat(problem).doesNotContain("PS1u");
  }

  @Test
  void aKeyMethodOtherThanInlineIsUnusable() {
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 uri:https://keys.example.com/1"))
        .contains("not inline");
  }

  @Test
  void severalKeysWithoutMkiTakeTheFirstTheSenderStartsWith() {
    SrtpKeys keys =
        usable(
            "1 AES_CM_128_HMAC_SHA1_80 inline:"
                + key(1, 30)
                + "|2^20;inline:"
                + key(100, 30)
                + "|2^20");

    assertThat(keys.masterKey()[0]).isEqualTo((byte) 1);
  }

  @Test
  void severalKeysWithMkisAreUnusableAsTheSenderMaySwitchAtAnyPacket() {
    assertThat(
            problem(
                "1 AES_CM_128_HMAC_SHA1_80 inline:"
                    + key(1, 30)
                    + "|2^20|1:4;inline:"
                    + key(100, 30)
                    + "|2^20|2:4"))
        .startsWith("2 master keys with MKIs (RFC 4568 §6.1)");
  }

  @Test
  void anMkiValueLargerThanItsLengthIsUnusable() {
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + "|256:1"))
        .isEqualTo("MKI value does not fit in 1 bytes");
  }

  @Test
  void anMkiBeforeTheLifetimeIsUnusable() {
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30) + "|1:4|2^20"))
        .contains("MKI must be the last part");
  }

  @Test
  void aMissingOrOverlongTagIsUnusable() {
    assertThat(problem("AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30))).contains("tag");
    assertThat(problem("1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + key(1, 30))).contains("tag");
  }

  @Test
  void aLineWithoutKeyParamsIsUnusable() {
    assertThat(problem("1 AES_CM_128_HMAC_SHA1_80")).contains("expected <tag> <crypto-suite>");
    assertThat(problem("")).isEqualTo("empty a=crypto");
    assertThat(problem(null)).isEqualTo("empty a=crypto");
  }

  @Test
  void anOverlongValueIsUnusable() {
    assertThat(
            problem(
                "1 AES_CM_128_HMAC_SHA1_80 inline:"
                    + key(1, 30)
                    + " -X="
                    + "a".repeat(CryptoAttributeParser.MAX_VALUE_LENGTH)))
        .contains("longer than");
  }

  @Test
  void everySuiteRoundTripsThroughItsSdesName() {
    for (SrtpSuite suite : SrtpSuite.values()) {
      String value =
          "1 "
              + suite.sdesName()
              + " inline:"
              + key(1, suite.masterKeyBytes() + suite.masterSaltBytes());
      assertThat(usable(value).suite()).isEqualTo(suite);
    }
    assertThat(AEAD_AES_256_GCM.sdesName()).isEqualTo("AEAD_AES_256_GCM");
    assertThat(AES_256_CM_HMAC_SHA1_80.masterKeyBytes()).isEqualTo(32);
  }

  @Test
  void noProblemEverQuotesTheKeyAndNoInputThrows() {
    Random random = new Random(4568);
    String alphabet = "0123456789:|;^=-_ \tinlAES_CMGHSx+/" + RFC_KEY;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      if (random.nextBoolean()) {
        text.append("1 AES_CM_128_HMAC_SHA1_80 inline:").append(RFC_KEY);
      }
      int length = random.nextInt(60);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      OfferedCrypto line = CryptoAttributeParser.parse(text.toString());
      if (!line.isUsable()) {
        assertThat(line.problem()).doesNotContain(RFC_KEY.substring(0, 8));
      }
      assertThat(line.toString()).doesNotContain(RFC_KEY.substring(0, 8));
    }
  }
}
