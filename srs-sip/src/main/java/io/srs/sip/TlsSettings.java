package io.srs.sip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * SIP over TLS (RFC 3261 §26.2.1): the listener's port and what it presents and accepts. Immutable;
 * a value of the wrong shape fails here naming its configuration key. Whether the files open, hold
 * a private key and a valid certificate is checked when they are loaded ({@code
 * io.srs.sip.tls.ServerTlsLoader}), also before the first call.
 *
 * @param port the TCP port of the TLS listener ({@code sip.tls.port}), 5061 by default
 * @param keyStore the file holding the server's private key and certificate chain ({@code
 *     sip.tls.key-store})
 * @param keyStorePassword opens the key store and its private key ({@code
 *     sip.tls.key-store-password}); may be empty, never null
 * @param keyStoreType PKCS12 (default) or JKS
 * @param trustStore the CAs a client certificate must chain to ({@code sip.tls.trust-store}); null
 *     for the JVM's default CAs. Read only when {@code clientAuth} is not NONE, and for the rare
 *     connection we open ourselves.
 * @param trustStorePassword opens the trust store; null when it needs none
 * @param trustStoreType PKCS12 (default) or JKS
 * @param clientAuth whether a client certificate is requested or required (mTLS)
 * @param protocols the TLS versions offered; only TLSv1.2 and TLSv1.3 (RFC 8996 retired 1.0/1.1)
 * @param cipherSuites JSSE cipher suite names; empty for the JVM's defaults
 * @param handshakeTimeout how long a connection may take to complete its handshake ({@code
 *     sip.tls.handshake-timeout-millis}); bounds what a silent peer holds
 */
public record TlsSettings(
    int port,
    Path keyStore,
    String keyStorePassword,
    TlsStoreType keyStoreType,
    Path trustStore,
    String trustStorePassword,
    TlsStoreType trustStoreType,
    TlsClientAuth clientAuth,
    List<String> protocols,
    List<String> cipherSuites,
    Duration handshakeTimeout) {

  public static final String KEY_PORT = "sip.tls.port";
  public static final String KEY_STORE = "sip.tls.key-store";
  public static final String KEY_STORE_PASSWORD = "sip.tls.key-store-password";
  public static final String KEY_STORE_TYPE = "sip.tls.key-store-type";
  public static final String TRUST_STORE = "sip.tls.trust-store";
  public static final String TRUST_STORE_PASSWORD = "sip.tls.trust-store-password";
  public static final String TRUST_STORE_TYPE = "sip.tls.trust-store-type";
  public static final String CLIENT_AUTH = "sip.tls.client-auth";
  public static final String PROTOCOLS = "sip.tls.protocols";
  public static final String CIPHER_SUITES = "sip.tls.cipher-suites";
  public static final String HANDSHAKE_TIMEOUT = "sip.tls.handshake-timeout-millis";

  /** RFC 3261 §26.2.2: the default port of {@code sips:} and SIP over TLS. */
  public static final int DEFAULT_PORT = 5061;

  /** The versions we allow: TLS 1.0 and 1.1 are deprecated by RFC 8996. */
  public static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");

  public static final List<String> DEFAULT_PROTOCOLS = ALLOWED_PROTOCOLS;

  /** A LAN or WAN handshake takes milliseconds; 5 s is generous and frees a thread soon enough. */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

  static final Duration MIN_HANDSHAKE_TIMEOUT = Duration.ofMillis(100);
  static final Duration MAX_HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);

  /** JSSE and IANA cipher suite names are letters, digits and underscores. */
  private static final Pattern SUITE_NAME = Pattern.compile("[A-Za-z0-9_]{1,100}");

  public TlsSettings {
    if (port < 1 || port > 65535) {
      throw new TlsSettingsException(KEY_PORT, "must be 1..65535, was " + port);
    }
    if (keyStore == null) {
      throw new TlsSettingsException(
          KEY_STORE, "must be set: the file with the server's private key and certificate chain");
    }
    if (keyStorePassword == null) {
      throw new TlsSettingsException(
          KEY_STORE_PASSWORD, "must be set (an empty string for a store without password)");
    }
    Objects.requireNonNull(keyStoreType, KEY_STORE_TYPE);
    if (trustStore == null && trustStorePassword != null) {
      throw new TlsSettingsException(
          TRUST_STORE_PASSWORD, "is set but " + TRUST_STORE + " is not; set both or neither");
    }
    Objects.requireNonNull(trustStoreType, TRUST_STORE_TYPE);
    Objects.requireNonNull(clientAuth, CLIENT_AUTH);
    Objects.requireNonNull(protocols, PROTOCOLS);
    if (protocols.isEmpty()) {
      throw new TlsSettingsException(PROTOCOLS, "must name at least one of " + ALLOWED_PROTOCOLS);
    }
    for (String protocol : protocols) {
      if (!ALLOWED_PROTOCOLS.contains(protocol)) {
        throw new TlsSettingsException(
            PROTOCOLS,
            "'"
                + protocol
                + "' is not allowed; expected some of "
                + ALLOWED_PROTOCOLS
                + " (TLS 1.0 and 1.1 are deprecated, RFC 8996)");
      }
    }
    protocols = List.copyOf(new LinkedHashSet<>(protocols));
    Objects.requireNonNull(cipherSuites, CIPHER_SUITES);
    for (String suite : cipherSuites) {
      if (suite == null || !SUITE_NAME.matcher(suite).matches()) {
        throw new TlsSettingsException(
            CIPHER_SUITES,
            "'" + suite + "' is not a cipher suite name (e.g. TLS_AES_128_GCM_SHA256)");
      }
    }
    cipherSuites = List.copyOf(new LinkedHashSet<>(cipherSuites));
    Objects.requireNonNull(handshakeTimeout, HANDSHAKE_TIMEOUT);
    if (handshakeTimeout.compareTo(MIN_HANDSHAKE_TIMEOUT) < 0
        || handshakeTimeout.compareTo(MAX_HANDSHAKE_TIMEOUT) > 0) {
      throw new TlsSettingsException(
          HANDSHAKE_TIMEOUT,
          "must be "
              + MIN_HANDSHAKE_TIMEOUT.toMillis()
              + ".."
              + MAX_HANDSHAKE_TIMEOUT.toMillis()
              + " ms, was "
              + handshakeTimeout.toMillis());
    }
  }

  /**
   * Defaults for everything but the key store: port 5061, PKCS12, no client certificate, TLS 1.2
   * and 1.3 with the JVM's cipher suites, 5 s handshakes.
   */
  public static TlsSettings of(Path keyStore, String keyStorePassword) {
    return new TlsSettings(
        DEFAULT_PORT,
        keyStore,
        keyStorePassword,
        TlsStoreType.PKCS12,
        null,
        null,
        TlsStoreType.PKCS12,
        TlsClientAuth.NONE,
        DEFAULT_PROTOCOLS,
        List.of(),
        DEFAULT_HANDSHAKE_TIMEOUT);
  }

  /** Never prints a password. */
  @Override
  public String toString() {
    return "TlsSettings[port="
        + port
        + ", keyStore="
        + keyStore
        + " ("
        + keyStoreType
        + "), trustStore="
        + (trustStore == null ? "JVM default CAs" : trustStore + " (" + trustStoreType + ")")
        + ", clientAuth="
        + clientAuth.configName()
        + ", protocols="
        + protocols
        + ", cipherSuites="
        + (cipherSuites.isEmpty() ? "JVM default" : cipherSuites)
        + ", handshakeTimeout="
        + handshakeTimeout.toMillis()
        + " ms]";
  }
}
