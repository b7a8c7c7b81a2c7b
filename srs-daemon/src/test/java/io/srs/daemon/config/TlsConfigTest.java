package io.srs.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.daemon.testing.TestKeyStores;
import io.srs.sip.TlsClientAuth;
import io.srs.sip.TlsStoreType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sip.tls.*: each bad value, file or password stops start-up naming its key. */
class TlsConfigTest {
  private static final TestKeyStores keys = TestKeyStores.shared();
  private final ConfigLoader loader = new ConfigLoader();
  @TempDir Path dir;

  private static Map<String, String> tls(String... more) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("sip.transports", "udp,tcp,tls");
    overrides.put("sip.tls.key-store", keys.serverKeyStore.toString());
    overrides.put("sip.tls.key-store-password", TestKeyStores.PASSWORD);
    for (int i = 0; i < more.length; i += 2) {
      overrides.put(more[i], more[i + 1]);
    }
    return overrides;
  }

  private void failsNaming(Map<String, String> overrides, String key, String words) {
    assertThatThrownBy(() -> loader.load(null, overrides))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config key '" + key + "': ")
        .hasMessageContaining(words);
  }

  @Test
  void withoutTlsInTheTransportsThereIsNoTlsListener() throws Exception {
    assertThat(loader.load(null, Map.of()).sip().tls()).isNull();
  }

  @Test
  void aTlsListenerGetsTheDocumentedDefaults() throws Exception {
    var tls = loader.load(null, tls()).sip().tls();

    assertThat(tls.port()).isEqualTo(5061);
    assertThat(tls.keyStoreType()).isEqualTo(TlsStoreType.PKCS12);
    assertThat(tls.clientAuth()).isEqualTo(TlsClientAuth.NONE);
    assertThat(tls.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(tls.cipherSuites()).isEmpty();
    assertThat(tls.handshakeTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void everyKeyIsReadFromTheFile() throws Exception {
    Path file = dir.resolve("srs.yaml");
    Files.writeString(
        file,
        """
        sip:
          transports: [udp, tls]
          tls:
            port: 5071
            key-store: %s
            key-store-password: " %s"
            key-store-type: pkcs12
            trust-store: %s
            trust-store-password: %s
            trust-store-type: PKCS12
            client-auth: need
            protocols: [tlsv1.3]
            cipher-suites: [TLS_AES_128_GCM_SHA256]
            handshake-timeout-millis: 2000
        """
            .formatted(keys.serverKeyStore, "x", keys.serverTrustStore, TestKeyStores.PASSWORD));
    // The key store's password has no leading space: a secret is read exactly as written.
    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .hasMessageStartingWith("config key 'sip.tls.key-store-password': ");

    Files.writeString(
        file, Files.readString(file).replace("\" x\"", "\"" + TestKeyStores.PASSWORD + "\""));
    var tls = loader.load(file, Map.of()).sip().tls();
    assertThat(tls.port()).isEqualTo(5071);
    assertThat(tls.trustStore()).isEqualTo(keys.serverTrustStore);
    assertThat(tls.clientAuth()).isEqualTo(TlsClientAuth.NEED);
    assertThat(tls.protocols()).containsExactly("TLSv1.3");
    assertThat(tls.cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");
    assertThat(tls.handshakeTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void tlsWithoutAKeyStoreIsNamed() {
    failsNaming(Map.of("sip.transports", "udp,tls"), "sip.tls.key-store", "required when");
  }

  @Test
  void aKeyStoreWithoutItsPasswordIsNamed() {
    Map<String, String> overrides = tls();
    overrides.remove("sip.tls.key-store-password");
    failsNaming(overrides, "sip.tls.key-store-password", "required");
  }

  @Test
  void aMissingKeyStoreFileIsNamed() {
    failsNaming(
        tls("sip.tls.key-store", dir.resolve("none.p12").toString()),
        "sip.tls.key-store",
        "file not found");
  }

  @Test
  void aWrongKeyStorePasswordIsNamed() {
    failsNaming(
        tls("sip.tls.key-store-password", "not-it"),
        "sip.tls.key-store-password",
        "wrong password");
  }

  @Test
  void aStoreWithoutAPrivateKeyIsNamed() {
    failsNaming(
        tls("sip.tls.key-store", keys.serverTrustStore.toString()),
        "sip.tls.key-store",
        "holds no private key entry");
  }

  @Test
  void anExpiredCertificateIsNamed() {
    failsNaming(
        tls("sip.tls.key-store", keys.expiredKeyStore.toString()),
        "sip.tls.key-store",
        "expired on");
  }

  @Test
  void aTrustStoreWithAWrongPasswordIsNamed() {
    failsNaming(
        tls(
            "sip.tls.trust-store",
            keys.serverTrustStore.toString(),
            "sip.tls.trust-store-password",
            "not-it"),
        "sip.tls.trust-store-password",
        "wrong password");
  }

  @Test
  void anOldProtocolIsNamed() {
    failsNaming(tls("sip.tls.protocols", "TLSv1.1"), "sip.tls.protocols", "RFC 8996");
  }

  @Test
  void anUnknownClientAuthIsNamed() {
    failsNaming(tls("sip.tls.client-auth", "required"), "sip.tls.client-auth", "none, want, need");
  }

  @Test
  void anUnknownStoreTypeIsNamed() {
    failsNaming(tls("sip.tls.key-store-type", "pem"), "sip.tls.key-store-type", "pkcs12, jks");
  }

  @Test
  void aHandshakeTimeoutOutOfRangeIsNamed() {
    failsNaming(
        tls("sip.tls.handshake-timeout-millis", "10"),
        "sip.tls.handshake-timeout-millis",
        "between 100 and 60000");
  }

  @Test
  void theTlsPortCannotBeTheTcpPort() {
    failsNaming(tls("sip.tls.port", "5060"), "sip.tls.port", "TLS needs a port of its own");
  }

  @Test
  void aMisspeltTlsKeyIsNamedEvenWithoutTls() {
    failsNaming(Map.of("sip.tls.keystore", "x.p12"), "sip.tls.keystore", "unknown key");
  }

  @Test
  void theEnvironmentReachesTheNestedTlsSection() throws Exception {
    Map<String, String> environment =
        Map.of(
            "SRS_SIP_TRANSPORTS",
            "udp,tls",
            "SRS_SIP_TLS_KEY_STORE",
            keys.serverKeyStore.toString(),
            "SRS_SIP_TLS_KEY_STORE_PASSWORD",
            TestKeyStores.PASSWORD,
            "SRS_SIP_TLS_PORT",
            "5091");

    var tls = loader.load(null, environment, Map.of()).sip().tls();

    assertThat(tls.port()).isEqualTo(5091);
    assertThat(tls.keyStorePassword()).isEqualTo(TestKeyStores.PASSWORD);
    assertThat(ConfigLoader.environmentKey("SRS_SIP_TLS_HANDSHAKE_TIMEOUT_MILLIS"))
        .isEqualTo("sip.tls.handshake-timeout-millis");
    assertThat(ConfigLoader.environmentKey("SRS_SIP_MAX_MESSAGE_BYTES"))
        .isEqualTo("sip.max-message-bytes");
  }

  @Test
  void aBadPasswordFromTheEnvironmentNamesTheVariableButNotThePassword() {
    Map<String, String> environment =
        Map.of(
            "SRS_SIP_TRANSPORTS", "tls",
            "SRS_SIP_TLS_KEY_STORE", keys.serverKeyStore.toString(),
            "SRS_SIP_TLS_KEY_STORE_PASSWORD", "hunter2-wrong");

    assertThatThrownBy(() -> loader.load(null, environment, Map.of()))
        .hasMessageStartingWith(
            "environment variable SRS_SIP_TLS_KEY_STORE_PASSWORD sets config key"
                + " 'sip.tls.key-store-password'")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void transportsMayNameTls() throws Exception {
    assertThat(loader.load(null, tls()).sip().transports()).isEqualTo(List.of("udp", "tcp", "tls"));
  }
}
