package io.srs.sip.tls;

import io.srs.sip.TlsSettings;
import io.srs.sip.TlsSettingsException;
import io.srs.sip.TlsStoreType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens the key and trust stores named by {@link TlsSettings}, checks them the way a handshake
 * would find out too late, and builds the listener's private {@link SSLContext}. Every problem is a
 * {@link TlsSettingsException} naming the key: a missing file, a wrong password, a store without a
 * private key, an expired or not yet valid certificate, a version or suite this JVM lacks.
 */
public final class ServerTlsLoader {
  /** A key store is a few kilobytes; anything this large is not one. */
  static final long MAX_STORE_BYTES = 1024 * 1024;

  /** The cipher suites of TLS 1.3 (RFC 8446 §B.4); every other suite is for TLS 1.2 and below. */
  static final Set<String> TLS13_SUITES =
      Set.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_AES_128_CCM_SHA256",
          "TLS_AES_128_CCM_8_SHA256");

  private ServerTlsLoader() {}

  /**
   * Loads and checks everything.
   *
   * @param now certificates must be valid at this instant
   * @throws TlsSettingsException naming the key at fault
   */
  public static ServerTls load(TlsSettings settings, Instant now) {
    char[] keyPassword = settings.keyStorePassword().toCharArray();
    KeyStore keys =
        open(
            settings.keyStore(),
            keyPassword,
            settings.keyStoreType(),
            TlsSettings.KEY_STORE,
            TlsSettings.KEY_STORE_PASSWORD,
            TlsSettings.KEY_STORE_TYPE);
    X509Certificate certificate = checkPrivateKeys(keys, keyPassword, settings.keyStore(), now);
    KeyStore trust = null;
    if (settings.trustStore() != null) {
      char[] trustPassword =
          settings.trustStorePassword() == null
              ? null
              : settings.trustStorePassword().toCharArray();
      trust =
          open(
              settings.trustStore(),
              trustPassword,
              settings.trustStoreType(),
              TlsSettings.TRUST_STORE,
              TlsSettings.TRUST_STORE_PASSWORD,
              TlsSettings.TRUST_STORE_TYPE);
      requireTrustedCertificates(trust, settings.trustStore());
    }
    SSLContext context;
    try {
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, keyPassword);
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust); // null: the JVM's default CAs (cacerts)
      context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    } catch (GeneralSecurityException e) {
      throw new TlsSettingsException(
          TlsSettings.KEY_STORE, "cannot serve TLS: " + e.getMessage(), e);
    }
    List<String> protocols = supportedProtocols(context, settings.protocols());
    List<String> suites = cipherSuites(context, settings.cipherSuites(), protocols);
    return new ServerTls(
        context,
        protocols,
        suites,
        settings.clientAuth(),
        settings.handshakeTimeout(),
        certificate);
  }

  private static KeyStore open(
      Path file,
      char[] password,
      TlsStoreType type,
      String fileKey,
      String passwordKey,
      String typeKey) {
    Path absolute = file.toAbsolutePath();
    if (!Files.exists(absolute)) {
      throw new TlsSettingsException(fileKey, "file not found: " + absolute);
    }
    if (!Files.isRegularFile(absolute)) {
      throw new TlsSettingsException(fileKey, "not a regular file: " + absolute);
    }
    if (!Files.isReadable(absolute)) {
      throw new TlsSettingsException(
          fileKey, "cannot be read by this user (check permissions): " + absolute);
    }
    try {
      if (Files.size(absolute) > MAX_STORE_BYTES) {
        throw new TlsSettingsException(
            fileKey, "larger than " + MAX_STORE_BYTES + " bytes: not a key store: " + absolute);
      }
      KeyStore store = KeyStore.getInstance(type.name());
      try (InputStream in = Files.newInputStream(absolute)) {
        store.load(in, password);
      }
      return store;
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new TlsSettingsException(
            passwordKey,
            password == null
                ? "must be set: " + absolute + " cannot be read without its password"
                : "does not open " + absolute + " (wrong password)",
            e);
      }
      throw new TlsSettingsException(
          fileKey,
          "cannot be read as " + type + " (" + typeKey + "): " + absolute + ": " + e.getMessage(),
          e);
    } catch (GeneralSecurityException e) {
      throw new TlsSettingsException(
          fileKey, "cannot be read as " + type + ": " + absolute + ": " + e.getMessage(), e);
    }
  }

  /** Every private key must open and its certificate be valid now; returns the first leaf. */
  private static X509Certificate checkPrivateKeys(
      KeyStore keys, char[] password, Path file, Instant now) {
    X509Certificate first = null;
    int trustedOnly = 0;
    try {
      for (String alias : Collections.list(keys.aliases())) {
        if (!keys.isKeyEntry(alias)) {
          trustedOnly++;
          continue;
        }
        Key key;
        try {
          key = keys.getKey(alias, password);
        } catch (UnrecoverableKeyException e) {
          throw new TlsSettingsException(
              TlsSettings.KEY_STORE_PASSWORD,
              "opens "
                  + file.toAbsolutePath()
                  + " but not its private key '"
                  + alias
                  + "' (the key has a password of its own; it must be the store's)",
              e);
        }
        if (!(key instanceof PrivateKey)) {
          continue; // a secret key entry: nothing TLS can use
        }
        Certificate[] chain = keys.getCertificateChain(alias);
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
          throw new TlsSettingsException(
              TlsSettings.KEY_STORE,
              "the private key '" + alias + "' has no X.509 certificate chain");
        }
        requireValid(leaf, alias, now);
        if (first == null) {
          first = leaf;
        }
      }
    } catch (KeyStoreException | java.security.NoSuchAlgorithmException e) {
      throw new TlsSettingsException(TlsSettings.KEY_STORE, "cannot be read: " + e.getMessage(), e);
    }
    if (first == null) {
      throw new TlsSettingsException(
          TlsSettings.KEY_STORE,
          file.toAbsolutePath()
              + " holds no private key entry ("
              + trustedOnly
              + " certificate(s) only); TLS needs the server's key with its certificate chain,"
              + " e.g. from 'openssl pkcs12 -export -inkey key.pem -in chain.pem'");
    }
    return first;
  }

  private static void requireValid(X509Certificate leaf, String alias, Instant now) {
    try {
      leaf.checkValidity(Date.from(now));
    } catch (CertificateExpiredException e) {
      throw new TlsSettingsException(
          TlsSettings.KEY_STORE,
          "the certificate of '"
              + alias
              + "' ("
              + leaf.getSubjectX500Principal().getName()
              + ") expired on "
              + leaf.getNotAfter().toInstant(),
          e);
    } catch (CertificateNotYetValidException e) {
      throw new TlsSettingsException(
          TlsSettings.KEY_STORE,
          "the certificate of '"
              + alias
              + "' ("
              + leaf.getSubjectX500Principal().getName()
              + ") is not valid before "
              + leaf.getNotBefore().toInstant(),
          e);
    }
  }

  private static void requireTrustedCertificates(KeyStore trust, Path file) {
    try {
      for (String alias : Collections.list(trust.aliases())) {
        if (trust.isCertificateEntry(alias)) {
          return;
        }
      }
    } catch (KeyStoreException e) {
      throw new TlsSettingsException(
          TlsSettings.TRUST_STORE, "cannot be read: " + e.getMessage(), e);
    }
    throw new TlsSettingsException(
        TlsSettings.TRUST_STORE,
        file.toAbsolutePath()
            + " holds no trusted certificate entry (import the CA with 'keytool -importcert')");
  }

  private static List<String> supportedProtocols(SSLContext context, List<String> wanted) {
    List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
    for (String protocol : wanted) {
      if (!supported.contains(protocol)) {
        throw new TlsSettingsException(
            TlsSettings.PROTOCOLS,
            protocol + " is not supported by this JVM (it supports " + supported + ")");
      }
    }
    return wanted;
  }

  private static List<String> cipherSuites(
      SSLContext context, List<String> wanted, List<String> protocols) {
    List<String> suites;
    if (wanted.isEmpty()) {
      // The JVM's defaults: already free of what java.security disables.
      suites = Arrays.asList(context.getDefaultSSLParameters().getCipherSuites());
    } else {
      List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
      for (String suite : wanted) {
        if (!supported.contains(suite)) {
          throw new TlsSettingsException(
              TlsSettings.CIPHER_SUITES, suite + " is not supported by this JVM");
        }
      }
      suites = wanted;
    }
    List<String> usable = new ArrayList<>();
    for (String suite : suites) {
      boolean tls13 = TLS13_SUITES.contains(suite);
      if ((tls13 && protocols.contains("TLSv1.3"))
          || (!tls13 && protocols.contains("TLSv1.2") && !suite.endsWith("_SCSV"))) {
        usable.add(suite);
      }
    }
    if (usable.isEmpty()) {
      throw new TlsSettingsException(
          TlsSettings.CIPHER_SUITES,
          "none of "
              + suites
              + " can be negotiated with "
              + TlsSettings.PROTOCOLS
              + " "
              + protocols);
    }
    return suites;
  }
}
