package io.srs.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.media.SrtpSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;
  private final ConfigLoader loader = new ConfigLoader();

  private Path yaml(String text) throws IOException {
    Path file = dir.resolve("srs.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void noFileGivesTheEmbeddedDefaults() throws Exception {
    SrsConfig config = loader.load(null, Map.of());

    assertThat(config.sip().bind()).isEqualTo("127.0.0.1");
    assertThat(config.sip().port()).isEqualTo(5060);
    assertThat(config.sip().transports()).containsExactly("udp", "tcp");
    assertThat(config.rtp().portMin()).isEqualTo(20000);
    assertThat(config.rtp().portMax()).isEqualTo(29999);
    assertThat(config.rtp().advertise()).isEqualTo("127.0.0.1");
    assertThat(config.storage().path()).isEqualTo(Path.of("./recordings"));
    assertThat(config.limits().shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theDocumentedExampleConfigLoads() throws Exception {
    Path example = Path.of("..", "config", "srs.yaml");

    SrsConfig config = loader.load(example, Map.of());

    assertThat(config.sip().port()).isEqualTo(5060);
  }

  @Test
  void fileValuesAreRead() throws Exception {
    Path file =
        yaml(
            """
            sip:
              bind: 10.1.2.3
              port: 5080
              transports: [udp]
            rtp:
              bind: 0.0.0.0
              advertise: 192.0.2.10
              ports: 30000-30999
            storage:
              path: /var/lib/srs
            """);

    SrsConfig config = loader.load(file, Map.of());

    assertThat(config.sip().bind()).isEqualTo("10.1.2.3");
    assertThat(config.sip().port()).isEqualTo(5080);
    assertThat(config.sip().transports()).containsExactly("udp");
    assertThat(config.rtp().advertise()).isEqualTo("192.0.2.10");
    assertThat(config.rtp().portMin()).isEqualTo(30000);
    assertThat(config.storage().path()).isEqualTo(Path.of("/var/lib/srs"));
  }

  @Test
  void commandLineOverridesWinOverTheFile() throws Exception {
    Path file = yaml("sip:\n  port: 5080\n");

    SrsConfig config = loader.load(file, Map.of("sip.port", "5999", "rtp.ports", "40000-40099"));

    assertThat(config.sip().port()).isEqualTo(5999);
    assertThat(config.rtp().portMin()).isEqualTo(40000);
    assertThat(config.rtp().portMax()).isEqualTo(40099);
  }

  @Test
  void anUnknownKeyIsNamedWithItsPath() throws Exception {
    Path file = yaml("sip:\n  prot: 5060\n");

    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sip.prot'")
        .hasMessageContaining("unknown key")
        .hasMessageContaining("port");
  }

  @Test
  void anUnknownTopLevelSectionIsNamed() throws Exception {
    Path file = yaml("sipp:\n  port: 5060\n");

    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sipp'");
  }

  @Test
  void aPortThatIsNotANumberIsNamed() throws Exception {
    Path file = yaml("sip:\n  port: fifty\n");

    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .hasMessageContaining("'sip.port'")
        .hasMessageContaining("expected an integer")
        .hasMessageContaining("fifty");
  }

  @Test
  void aPortOutOfRangeIsNamed() {
    assertThatThrownBy(() -> loader.load(null, Map.of("sip.port", "70000")))
        .hasMessageContaining("'sip.port'")
        .hasMessageContaining("between 1 and 65535");
  }

  @Test
  void anOddLowRtpPortIsRefused() {
    assertThatThrownBy(() -> loader.load(null, Map.of("rtp.ports", "20001-20999")))
        .hasMessageContaining("'rtp.ports'")
        .hasMessageContaining("even");
  }

  @Test
  void aMalformedRtpRangeIsRefused() {
    assertThatThrownBy(() -> loader.load(null, Map.of("rtp.ports", "20000:20999")))
        .hasMessageContaining("'rtp.ports'")
        .hasMessageContaining("LOW-HIGH");
  }

  @Test
  void aHostNameIsNotAnAddress() {
    assertThatThrownBy(() -> loader.load(null, Map.of("sip.bind", "localhost")))
        .hasMessageContaining("'sip.bind'")
        .hasMessageContaining("IP address");
  }

  @Test
  void anInvalidIpv4LiteralIsRefused() {
    assertThatThrownBy(() -> loader.load(null, Map.of("rtp.bind", "999.1.1.1")))
        .hasMessageContaining("'rtp.bind'");
  }

  @Test
  void aWildcardRtpBindNeedsAnAdvertisedAddress() {
    assertThatThrownBy(() -> loader.load(null, Map.of("rtp.bind", "0.0.0.0")))
        .hasMessageContaining("'rtp.advertise'");
  }

  @Test
  void anUnknownTransportIsNamed() throws Exception {
    Path file = yaml("sip:\n  transports: [udp, sctp]\n");

    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .hasMessageContaining("'sip.transports'")
        .hasMessageContaining("sctp");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> loader.load(missing, Map.of()))
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("not found");
  }

  @Test
  void invalidYamlIsReported() throws Exception {
    Path file = yaml("sip: [unclosed\n");

    assertThatThrownBy(() -> loader.load(file, Map.of())).hasMessageContaining("not valid YAML");
  }

  @Test
  void aScalarWhereASectionBelongsIsNamed() throws Exception {
    Path file = yaml("sip: 5060\n");

    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .hasMessageContaining("'sip'")
        .hasMessageContaining("expected a mapping");
  }

  @Test
  void transportsMayBeACommaSeparatedString() throws Exception {
    SrsConfig config = loader.load(null, Map.of("sip.transports", "TCP"));

    assertThat(config.sip().transports()).isEqualTo(List.of("tcp"));
  }

  @Test
  void recordingAndMetadataDefaultsAreLenientNativeAndSilence() throws Exception {
    SrsConfig config = loader.load(null, Map.of());

    assertThat(config.metadata().policy()).isEqualTo("lenient");
    assertThat(config.metadata().requiredFields()).containsExactly("agentId", "conversationId");
    assertThat(config.recording().format()).isEqualTo("native");
    assertThat(config.recording().pauseMode()).isEqualTo("silence");
    assertThat(config.recording().stereo()).isFalse();
    assertThat(config.rtp().inactivityTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void anUnknownMetadataPolicyIsNamed() {
    assertThatThrownBy(() -> loader.load(null, Map.of("metadata.policy", "relaxed")))
        .hasMessageContaining("'metadata.policy'")
        .hasMessageContaining("[lenient, strict]");
  }

  @Test
  void anUnknownRecordingFormatIsNamed() {
    assertThatThrownBy(() -> loader.load(null, Map.of("recording.format", "mp3")))
        .hasMessageContaining("'recording.format'");
  }

  @Test
  void aNonBooleanStereoIsNamed() {
    assertThatThrownBy(() -> loader.load(null, Map.of("recording.stereo", "sometimes")))
        .hasMessageContaining("'recording.stereo'")
        .hasMessageContaining("true or false");
  }

  @Test
  void requiredFieldsMayBeEmpty() throws Exception {
    Path file = yaml("metadata:\n  required-fields: []\n");

    assertThat(loader.load(file, Map.of()).metadata().requiredFields()).isEmpty();
  }

  @Test
  void userRulesAreRead() throws Exception {
    Path file =
        yaml(
            """
            metadata:
              rules:
                - field: agentId
                  header: X-Agent-Id
                - field: queue
                  xpath: "//*[local-name()='queue']"
                  regex: "q-(.*)"
            """);

    List<SrsConfig.Rule> rules = loader.load(file, Map.of()).metadata().rules();

    assertThat(rules)
        .containsExactly(
            new SrsConfig.Rule("agentId", "X-Agent-Id", null, null, "metadata.rules[0]"),
            new SrsConfig.Rule(
                "queue", null, "//*[local-name()='queue']", "q-(.*)", "metadata.rules[1]"));
  }

  @Test
  void aRuleWithBothSourcesIsNamedByIndex() throws Exception {
    Path file =
        yaml(
            """
            metadata:
              rules:
                - field: agentId
                  header: X-Agent-Id
                  xpath: //agent
            """);

    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .hasMessageContaining("'metadata.rules[0]'")
        .hasMessageContaining("exactly one of");
  }

  @Test
  void aRuleWithABadRegexIsNamed() throws Exception {
    Path file =
        yaml(
            """
            metadata:
              rules:
                - field: agentId
                  header: X-Agent-Id
                  regex: "(unclosed"
            """);

    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .hasMessageContaining("'metadata.rules[0].regex'");
  }

  @Test
  void aMisspeltRuleKeyIsNamed() throws Exception {
    Path file = yaml("metadata:\n  rules:\n    - field: a\n      hedaer: X\n");

    assertThatThrownBy(() -> loader.load(file, Map.of())).hasMessageContaining("metadata.rules[0]");
  }

  @Test
  void aRuleWhoseXpathDoesNotCompileIsNamedAtLoad() throws Exception {
    Path file =
        yaml(
            """
            metadata:
              rules:
                - field: agentId
                  xpath: "//agent[@id="
            """);

    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .hasMessageContaining("'metadata.rules[0]'")
        .hasMessageContaining("//agent[@id=");
  }

  @Test
  void theIndexIsSqliteBesideTheRecordingsByDefault() throws Exception {
    SrsConfig config = loader.load(null, Map.of("storage.path", "/var/lib/srs"));

    assertThat(config.storage().indexFile()).isEqualTo(Path.of("/var/lib/srs/index.sqlite"));
  }

  @Test
  void theIndexCanBeMovedOrTurnedOff() throws Exception {
    assertThat(loader.load(null, Map.of("storage.index-file", "/srv/idx.db")).storage().indexFile())
        .isEqualTo(Path.of("/srv/idx.db"));
    assertThat(loader.load(null, Map.of("storage.index", "none")).storage().indexFile()).isNull();
    assertThatThrownBy(() -> loader.load(null, Map.of("storage.index", "postgres")))
        .hasMessageContaining("'storage.index'");
  }

  // --- environment overrides, http, drain, logging ---------------------------------------------

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    Path file = yaml("sip:\n  port: 5080\nstorage:\n  path: /from-file\n");

    SrsConfig config =
        loader.load(
            file,
            Map.of(
                "SRS_SIP_PORT", "5070",
                "SRS_STORAGE_PATH", "/data",
                "SRS_STORAGE_MIN_FREE_BYTES", "5000000000"),
            Map.of());

    assertThat(config.sip().port()).isEqualTo(5070);
    assertThat(config.storage().path()).isEqualTo(Path.of("/data"));
    assertThat(config.storage().minFreeBytes()).isEqualTo(5_000_000_000L);
  }

  @Test
  void theCommandLineOverridesTheEnvironment() throws Exception {
    SrsConfig config =
        loader.load(null, Map.of("SRS_SIP_PORT", "5070"), Map.of("sip.port", "5090"));

    assertThat(config.sip().port()).isEqualTo(5090);
  }

  @Test
  void variablesWithoutTheSrsPrefixAreIgnored() throws Exception {
    SrsConfig config = loader.load(null, Map.of("HOME", "/root", "SIP_PORT", "1"), Map.of());

    assertThat(config.sip().port()).isEqualTo(5060);
  }

  @Test
  void anUnknownEnvironmentKeyNamesTheVariableAndTheKey() {
    assertThatThrownBy(() -> loader.load(null, Map.of("SRS_SIP_PROT", "5070"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable SRS_SIP_PROT")
        .hasMessageContaining("'sip.prot': unknown key");
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() {
    assertThatThrownBy(() -> loader.load(null, Map.of("SRS_HTTP_PORT", "eighty"), Map.of()))
        .hasMessageContaining("environment variable SRS_HTTP_PORT")
        .hasMessageContaining("'http.port': expected an integer");
  }

  @Test
  void anSrsVariableWithoutAKeyIsRefusedByName() {
    assertThatThrownBy(() -> loader.load(null, Map.of("SRS_PORT", "5070"), Map.of()))
        .hasMessageContaining("environment variable SRS_PORT")
        .hasMessageContaining("SRS_<SECTION>_<KEY>");
  }

  @Test
  void httpDefaultsToLoopbackPort8080AndPortZeroTurnsItOff() throws Exception {
    SrsConfig defaults = loader.load(null, Map.of());
    assertThat(defaults.http()).isEqualTo(new SrsConfig.Http("127.0.0.1", 8080));
    assertThat(defaults.http().enabled()).isTrue();

    assertThat(loader.load(null, Map.of("http.port", "0")).http().enabled()).isFalse();
    assertThatThrownBy(() -> loader.load(null, Map.of("http.bind", "localhost")))
        .hasMessageContaining("'http.bind'");
  }

  @Test
  void drainAndDiskDefaultsAreNamedValues() throws Exception {
    SrsConfig config = loader.load(null, Map.of());

    assertThat(config.limits().drain()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.storage().minFreeBytes()).isEqualTo(1024L * 1024 * 1024);
    assertThat(config.logging().format()).isEqualTo("text");
  }

  @Test
  void theLogFormatIsTextOrJson() throws Exception {
    assertThat(loader.load(null, Map.of("logging.format", "JSON")).logging().format())
        .isEqualTo("json");
    assertThatThrownBy(() -> loader.load(null, Map.of("logging.format", "xml")))
        .hasMessageContaining("'logging.format': expected one of [text, json]");
  }

  @Test
  void srtpDefaultsToOptionalWithEverySuiteStrongestFirst() throws Exception {
    SrsConfig.Srtp srtp = loader.load(null, Map.of()).srtp();

    assertThat(srtp.policy()).isEqualTo("optional");
    assertThat(srtp.suites())
        .containsExactly(
            SrtpSuite.AEAD_AES_256_GCM,
            SrtpSuite.AEAD_AES_128_GCM,
            SrtpSuite.AES_256_CM_HMAC_SHA1_80,
            SrtpSuite.AES_CM_128_HMAC_SHA1_80,
            SrtpSuite.AES_256_CM_HMAC_SHA1_32,
            SrtpSuite.AES_CM_128_HMAC_SHA1_32);
  }

  @Test
  void srtpPolicyAndSuitesAreReadInAnyCaseWithoutDuplicates() throws Exception {
    Path file =
        yaml(
            """
            srtp:
              policy: Required
              suites: [aes_cm_128_hmac_sha1_80, AES_CM_128_HMAC_SHA1_32, AES_CM_128_HMAC_SHA1_80]
            """);

    SrsConfig.Srtp srtp = loader.load(file, Map.of()).srtp();

    assertThat(srtp.policy()).isEqualTo("required");
    assertThat(srtp.suites())
        .containsExactly(SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_32);
  }

  @Test
  void anUnknownSrtpSuiteIsNamedWithTheKey() {
    assertThatThrownBy(() -> loader.load(null, Map.of("srtp.suites", "F8_128_HMAC_SHA1_80")))
        .hasMessageStartingWith(
            "config key 'srtp.suites': unknown SRTP suite 'F8_128_HMAC_SHA1_80'; expected some of"
                + " [AEAD_AES_256_GCM,");
  }

  @Test
  void anEmptySuiteListAndAnUnknownPolicyAreNamed() throws Exception {
    Path file = yaml("srtp:\n  suites: []\n");
    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .hasMessage("config key 'srtp.suites': must not be empty");
    assertThatThrownBy(() -> loader.load(null, Map.of("srtp.policy", "dtls")))
        .hasMessageContaining("'srtp.policy': expected one of [optional, required]");
  }

  @Test
  void srtpIsSetFromTheEnvironment() throws Exception {
    SrsConfig config =
        loader.load(
            null,
            Map.of("SRS_SRTP_POLICY", "required", "SRS_SRTP_SUITES", "AEAD_AES_128_GCM"),
            Map.of());

    assertThat(config.srtp().policy()).isEqualTo("required");
    assertThat(config.srtp().suites()).containsExactly(SrtpSuite.AEAD_AES_128_GCM);
  }

  @Test
  void theRtpBatchIntervalDefaultsToTwoMillisecondsAndIsBounded() throws Exception {
    assertThat(loader.load(null, Map.of()).rtp().batchIntervalMicros()).isEqualTo(2000);
    assertThat(
            loader.load(null, Map.of("rtp.batch-interval-micros", "0")).rtp().batchIntervalMicros())
        .isZero();
    assertThatThrownBy(() -> loader.load(null, Map.of("rtp.batch-interval-micros", "50000")))
        .hasMessageContaining("'rtp.batch-interval-micros'");
  }

  @Test
  void reLatchingWaitsAQuarterSecondByDefaultAndZeroTurnsItOff() throws Exception {
    assertThat(loader.load(null, Map.of()).rtp().relatchAfterMillis()).isEqualTo(250);
    assertThat(
            loader.load(null, Map.of("rtp.relatch-after-millis", "0")).rtp().relatchAfterMillis())
        .isZero();
    assertThatThrownBy(() -> loader.load(null, Map.of("rtp.relatch-after-millis", "-1")))
        .hasMessageContaining("'rtp.relatch-after-millis'");
  }
}
