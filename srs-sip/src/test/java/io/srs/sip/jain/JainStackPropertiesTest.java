package io.srs.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.SipSettings;
import io.srs.sip.TlsClientAuth;
import io.srs.sip.TlsSettings;
import io.srs.sip.testing.TestPki;
import io.srs.sip.testing.TlsSettingsBuilder;
import io.srs.sip.tls.ServerTls;
import io.srs.sip.tls.ServerTlsLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** JAIN-SIP ignores misspelt properties silently; this pins the names and values we rely on. */
class JainStackPropertiesTest {

  @Test
  void everyPropertyWeRelyOnIsSet() {
    Properties p =
        JainStackProperties.build(SipSettings.defaults("127.0.0.1", "127.0.0.1"), "srs-test");

    assertThat(p.getProperty("javax.sip.STACK_NAME")).isEqualTo("srs-test");
    assertThat(p.getProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT")).isEqualTo("on");
    assertThat(p.getProperty("gov.nist.javax.sip.REENTRANT_LISTENER")).isEqualTo("true");
    assertThat(p.getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE")).isEqualTo("8");
    assertThat(p.getProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE")).isEqualTo("1048576");
    assertThat(p.getProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE")).isEqualTo("65536");
    assertThat(p.getProperty("gov.nist.javax.sip.TRACE_LEVEL")).isEqualTo("4");
    assertThat(p.getProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY"))
        .isEqualTo("gov.nist.javax.sip.stack.OIOMessageProcessorFactory");
    assertThat(p.getProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER"))
        .isEqualTo("io.srs.sip.jain.NoSecurityManagerProvider");
    assertThat(p.getProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE"))
        .as("no TLS listener: no TLS properties")
        .isNull();
    assertThat(p.stringPropertyNames()).noneMatch(name -> name.startsWith("javax.net.ssl."));
  }

  @Test
  void theTlsPropertiesSayWhatSipTlsSays() {
    TestPki pki = TestPki.shared();
    TlsSettings settings =
        TlsSettingsBuilder.of(pki.serverKeyStore, TestPki.PASSWORD)
            .protocols(List.of("TLSv1.3"))
            .cipherSuites(List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"))
            .handshakeTimeout(Duration.ofMillis(2500))
            .build();
    ServerTls tls = ServerTlsLoader.load(settings, Instant.now());
    Properties p =
        JainStackProperties.build(
            SipSettings.defaults("127.0.0.1", "127.0.0.1").withTls(settings), "srs-test", tls);

    assertThat(p.getProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE")).isEqualTo("Disabled");
    assertThat(p.getProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS")).isEqualTo("TLSv1.3");
    assertThat(p.getProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES"))
        .isEqualTo("TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256");
    assertThat(p.getProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT")).isEqualTo("2500");
    assertThat(p.getProperty("gov.nist.javax.sip.SSL_RENEGOTIATION_ENABLED")).isEqualTo("false");
    assertThat(p.stringPropertyNames())
        .as("key material never travels through stack (or JVM) properties")
        .noneMatch(name -> name.startsWith("javax.net.ssl."));
  }

  @Test
  void clientAuthMapsOntoTheRisNames() {
    TestPki pki = TestPki.shared();
    TlsSettings base = TlsSettings.of(pki.serverKeyStore, TestPki.PASSWORD);
    SipSettings sip = SipSettings.defaults("127.0.0.1", "127.0.0.1").withTls(base);
    for (var expected :
        List.of(
            List.of(TlsClientAuth.NONE, "Disabled"),
            List.of(TlsClientAuth.WANT, "Want"),
            List.of(TlsClientAuth.NEED, "Enabled"))) {
      ServerTls tls =
          ServerTlsLoader.load(
              TlsSettingsBuilder.from(base).clientAuth((TlsClientAuth) expected.get(0)).build(),
              Instant.now());
      assertThat(
              JainStackProperties.build(sip, "srs-test", tls)
                  .getProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE"))
          .isEqualTo(expected.get(1));
    }
  }
}
