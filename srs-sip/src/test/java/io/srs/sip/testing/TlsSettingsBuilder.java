package io.srs.sip.testing;

import io.srs.sip.TlsClientAuth;
import io.srs.sip.TlsSettings;
import io.srs.sip.TlsStoreType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@link TlsSettings} that differ from another in a setting or two, for tests: production builds
 * them once from the configuration. {@link #build()} runs the record's validation, so a test of a
 * bad value expects the exception there.
 */
public final class TlsSettingsBuilder {
  private int port;
  private final Path keyStore;
  private final String keyStorePassword;
  private final TlsStoreType keyStoreType;
  private Path trustStore;
  private String trustStorePassword;
  private final TlsStoreType trustStoreType;
  private TlsClientAuth clientAuth;
  private List<String> protocols;
  private List<String> cipherSuites;
  private Duration handshakeTimeout;

  private TlsSettingsBuilder(TlsSettings from) {
    port = from.port();
    keyStore = from.keyStore();
    keyStorePassword = from.keyStorePassword();
    keyStoreType = from.keyStoreType();
    trustStore = from.trustStore();
    trustStorePassword = from.trustStorePassword();
    trustStoreType = from.trustStoreType();
    clientAuth = from.clientAuth();
    protocols = from.protocols();
    cipherSuites = from.cipherSuites();
    handshakeTimeout = from.handshakeTimeout();
  }

  /** Starts from {@link TlsSettings#of}'s defaults. */
  public static TlsSettingsBuilder of(Path keyStore, String keyStorePassword) {
    return from(TlsSettings.of(keyStore, keyStorePassword));
  }

  /** Starts from every value of {@code settings}. */
  public static TlsSettingsBuilder from(TlsSettings settings) {
    return new TlsSettingsBuilder(settings);
  }

  public TlsSettingsBuilder port(int newPort) {
    port = newPort;
    return this;
  }

  public TlsSettingsBuilder clientAuth(TlsClientAuth newClientAuth) {
    clientAuth = newClientAuth;
    return this;
  }

  public TlsSettingsBuilder trustStore(Path newTrustStore, String newPassword) {
    trustStore = newTrustStore;
    trustStorePassword = newPassword;
    return this;
  }

  public TlsSettingsBuilder protocols(List<String> newProtocols) {
    protocols = newProtocols;
    return this;
  }

  public TlsSettingsBuilder cipherSuites(List<String> newCipherSuites) {
    cipherSuites = newCipherSuites;
    return this;
  }

  public TlsSettingsBuilder handshakeTimeout(Duration newTimeout) {
    handshakeTimeout = newTimeout;
    return this;
  }

  public TlsSettings build() {
    return new TlsSettings(
        port,
        keyStore,
        keyStorePassword,
        keyStoreType,
        trustStore,
        trustStorePassword,
        trustStoreType,
        clientAuth,
        protocols,
        cipherSuites,
        handshakeTimeout);
  }
}
