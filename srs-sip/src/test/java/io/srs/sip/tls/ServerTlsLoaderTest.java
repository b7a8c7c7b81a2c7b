package io.srs.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.sip.TlsSettings;
import io.srs.sip.TlsSettingsException;
import io.srs.sip.TlsStoreType;
import io.srs.sip.testing.TestPki;
import io.srs.sip.testing.TlsSettingsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a key or trust store can be unusable is found at start-up, naming its key. */
class ServerTlsLoaderTest {
  private static final TestPki pki = TestPki.shared();
  private final TlsSettings good = TlsSettings.of(pki.serverKeyStore, TestPki.PASSWORD);
  @TempDir Path dir;

  private static void failsNaming(ThrowingCallable load, String key, String... words) {
    assertThatThrownBy(load)
        .isInstanceOfSatisfying(
            TlsSettingsException.class,
            e -> {
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.problem()).contains(words);
            });
  }

  private static ServerTls load(TlsSettings settings) {
    return ServerTlsLoader.load(settings, Instant.now());
  }

  @Test
  void aGoodStoreGivesTheCertificateAndTheVersionsAndSuitesToEnable() {
    ServerTls tls = load(good);

    assertThat(tls.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
    assertThat(tls.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(tls.cipherSuites()).contains("TLS_AES_128_GCM_SHA256").doesNotContain("SSL_");
  }

  @Test
  void aMissingKeyStoreIsNamed() {
    failsNaming(
        () -> load(TlsSettings.of(dir.resolve("nope.p12"), "x")),
        "sip.tls.key-store",
        "file not found",
        "nope.p12");
  }

  @Test
  void aWrongPasswordIsNamedAsThePassword() {
    failsNaming(
        () -> load(TlsSettings.of(pki.serverKeyStore, "wrong-password")),
        "sip.tls.key-store-password",
        "wrong password");
  }

  @Test
  void aFileThatIsNoKeyStoreIsNamedWithItsType() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.p12"), "-----BEGIN CERTIFICATE-----\n");
    failsNaming(
        () -> load(TlsSettings.of(junk, "x")),
        "sip.tls.key-store",
        "cannot be read as PKCS12",
        "sip.tls.key-store-type");
  }

  @Test
  void aStoreWithCertificatesButNoPrivateKeyIsRefused() {
    failsNaming(
        () -> load(TlsSettings.of(pki.caTrustStore, TestPki.PASSWORD)),
        "sip.tls.key-store",
        "holds no private key entry",
        "1 certificate(s) only");
  }

  @Test
  void anExpiredCertificateIsRefusedWithItsEndDate() {
    failsNaming(
        () -> load(TlsSettings.of(pki.expiredKeyStore, TestPki.PASSWORD)),
        "sip.tls.key-store",
        "'expired'",
        "CN=127.0.0.1",
        "expired on");
  }

  @Test
  void aCertificateNotValidYetIsRefused() {
    failsNaming(
        () -> ServerTlsLoader.load(good, Instant.parse("2000-01-01T00:00:00Z")),
        "sip.tls.key-store",
        "is not valid before");
  }

  @Test
  void aMissingTrustStoreIsNamed() {
    failsNaming(
        () ->
            load(
                TlsSettingsBuilder.from(good)
                    .trustStore(dir.resolve("ca.p12"), TestPki.PASSWORD)
                    .build()),
        "sip.tls.trust-store",
        "file not found");
  }

  @Test
  void aTrustStoreWithAWrongPasswordIsNamed() {
    failsNaming(
        () ->
            load(
                TlsSettingsBuilder.from(good)
                    .trustStore(pki.caTrustStore, "wrong-password")
                    .build()),
        "sip.tls.trust-store-password",
        "wrong password");
  }

  @Test
  void aTrustStoreWithoutTrustedCertificatesIsRefused() {
    failsNaming(
        () ->
            load(
                TlsSettingsBuilder.from(good)
                    .trustStore(pki.rogueClientKeyStore, TestPki.PASSWORD)
                    .build()),
        "sip.tls.trust-store",
        "holds no trusted certificate");
  }

  @Test
  void aJksStoreReadAsJksLoads() throws Exception {
    Path jks = dir.resolve("server.jks");
    java.security.KeyStore pkcs12 = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(pki.serverKeyStore)) {
      pkcs12.load(in, TestPki.PASSWORD.toCharArray());
    }
    java.security.KeyStore converted = java.security.KeyStore.getInstance("JKS");
    converted.load(null, null);
    converted.setKeyEntry(
        "server",
        pkcs12.getKey("server", TestPki.PASSWORD.toCharArray()),
        TestPki.PASSWORD.toCharArray(),
        pkcs12.getCertificateChain("server"));
    try (var out = Files.newOutputStream(jks)) {
      converted.store(out, TestPki.PASSWORD.toCharArray());
    }
    TlsSettings settings =
        new TlsSettings(
            5061,
            jks,
            TestPki.PASSWORD,
            TlsStoreType.JKS,
            null,
            null,
            TlsStoreType.PKCS12,
            good.clientAuth(),
            good.protocols(),
            List.of(),
            good.handshakeTimeout());
    assertThat(load(settings).certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=127.0.0.1");
  }

  @Test
  void aCipherSuiteThisJvmLacksIsNamed() {
    failsNaming(
        () ->
            load(
                TlsSettingsBuilder.from(good)
                    .cipherSuites(List.of("TLS_NOT_A_REAL_SUITE_SHA256"))
                    .build()),
        "sip.tls.cipher-suites",
        "TLS_NOT_A_REAL_SUITE_SHA256 is not supported");
  }

  @Test
  void suitesThatCannotBeNegotiatedWithTheVersionsAreRefused() {
    failsNaming(
        () ->
            load(
                TlsSettingsBuilder.from(good)
                    .protocols(List.of("TLSv1.2"))
                    .cipherSuites(List.of("TLS_AES_128_GCM_SHA256"))
                    .build()),
        "sip.tls.cipher-suites",
        "none of [TLS_AES_128_GCM_SHA256] can be negotiated");
  }
}
