package io.srs.daemon.config;

import io.srs.sip.TlsClientAuth;
import io.srs.sip.TlsSettings;
import io.srs.sip.TlsSettingsException;
import io.srs.sip.TlsStoreType;
import io.srs.sip.tls.ServerTlsLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code sip.tls.*} for {@link ConfigLoader}. */
final class TlsSection {
  private TlsSection() {}

  /**
   * {@code sip.tls.*}: every key is read (so a misspelt one is named), but the TLS listener and its
   * files are required and checked only when {@code sip.transports} has {@code tls}.
   */
  static TlsSettings read(ConfigSection section, boolean wanted) throws ConfigException {
    int port = section.integer("port", TlsSettings.DEFAULT_PORT, 1, 65535);
    String keyStore = section.string("key-store", null);
    String keyStorePassword = section.secret("key-store-password");
    TlsStoreType keyStoreType = storeType(section, "key-store-type");
    String trustStore = section.string("trust-store", null);
    String trustStorePassword = section.secret("trust-store-password");
    TlsStoreType trustStoreType = storeType(section, "trust-store-type");
    TlsClientAuth clientAuth =
        TlsClientAuth.valueOf(
            section
                .choice("client-auth", "none", List.of("none", "want", "need"))
                .toUpperCase(Locale.ROOT));
    List<String> protocols = new ArrayList<>();
    for (String protocol : section.strings("protocols", TlsSettings.DEFAULT_PROTOCOLS)) {
      // TLSv1.3, tlsv1.3 and TLSV1.3 are the same version.
      protocols.add(
          TlsSettings.ALLOWED_PROTOCOLS.stream()
              .filter(allowed -> allowed.equalsIgnoreCase(protocol))
              .findFirst()
              .orElse(protocol));
    }
    List<String> cipherSuites = section.strings("cipher-suites", List.of(), true);
    int handshakeMillis =
        section.integer(
            "handshake-timeout-millis",
            (int) TlsSettings.DEFAULT_HANDSHAKE_TIMEOUT.toMillis(),
            100,
            60_000);
    section.rejectUnknownKeys();
    if (!wanted) {
      return null;
    }
    if (keyStore == null) {
      throw new ConfigException(
          "config key '"
              + section.key("key-store")
              + "': required when sip.transports has tls: the PKCS12 (or JKS) file with the"
              + " server's private key and certificate chain");
    }
    if (keyStorePassword == null) {
      throw new ConfigException(
          "config key '"
              + section.key("key-store-password")
              + "': required with sip.tls.key-store (or SRS_SIP_TLS_KEY_STORE_PASSWORD)");
    }
    try {
      TlsSettings settings =
          new TlsSettings(
              port,
              Path.of(keyStore),
              keyStorePassword,
              keyStoreType,
              trustStore == null ? null : Path.of(trustStore),
              trustStorePassword,
              trustStoreType,
              clientAuth,
              protocols,
              cipherSuites,
              Duration.ofMillis(handshakeMillis));
      // Opened and checked now, so a bad store is a configuration error (exit 78), not a failed
      // start-up or, worse, a listener whose every handshake fails.
      ServerTlsLoader.load(settings, Instant.now());
      return settings;
    } catch (TlsSettingsException e) {
      throw new ConfigException("config key '" + e.key() + "': " + e.problem(), e);
    }
  }

  private static TlsStoreType storeType(ConfigSection section, String name) throws ConfigException {
    return TlsStoreType.valueOf(
        section.choice(name, "pkcs12", List.of("pkcs12", "jks")).toUpperCase(Locale.ROOT));
  }
}
