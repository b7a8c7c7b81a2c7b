package io.srs.daemon.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How {@code srs simulate} checks the recorder over TLS, as an SBC would: the certificate must
 * chain to a trusted CA ({@code --tls-trust}, else the JVM's public CAs) and name the address or
 * host of {@code --target}. {@code --tls-insecure} turns every check off, for a lab only.
 *
 * @param socketFactory a private context: nothing is read from or set in the JVM-wide {@code
 *     javax.net.ssl.*} properties
 * @param verifyHostname check the certificate's names against the target (RFC 6125, as HTTPS does)
 */
public record TlsClient(SSLSocketFactory socketFactory, boolean verifyHostname) {
  /** A trust file is a few certificates; anything this large is not one. */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  public TlsClient {
    Objects.requireNonNull(socketFactory, "socketFactory");
  }

  /**
   * @param trust a PEM file of CA (or self-signed server) certificates, or a PKCS12 trust store;
   *     null for the JVM's CAs
   * @param trustPassword the PKCS12 trust store's password, or null
   * @param keyStore a PKCS12 key store to present to a recorder that wants a client certificate
   *     (mTLS), or null
   * @param keyStorePassword its password
   * @param insecure trust any certificate for any name (lab use)
   */
  public static TlsClient create(
      Path trust, String trustPassword, Path keyStore, String keyStorePassword, boolean insecure)
      throws IOException {
    try {
      TrustManager[] trustManagers =
          insecure ? new TrustManager[] {new TrustAnything()} : trustManagers(trust, trustPassword);
      KeyManager[] keyManagers = keyStore == null ? null : keyManagers(keyStore, keyStorePassword);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return new TlsClient(context.getSocketFactory(), !insecure);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS setup failed: " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(Path trust, String password)
      throws IOException, GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (trust == null) {
      factory.init((KeyStore) null);
      return factory.getTrustManagers();
    }
    byte[] bytes = read(trust, "--tls-trust");
    KeyStore store;
    if (new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII)
        .contains("-----BEGIN CERTIFICATE-----")) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new java.io.ByteArrayInputStream(bytes));
      store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("trusted-" + n++, certificate);
      }
      if (n == 0) {
        throw new IllegalArgumentException("--tls-trust " + trust + " holds no certificate");
      }
    } else {
      store = pkcs12(bytes, password, trust, "--tls-trust");
    }
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static KeyManager[] keyManagers(Path file, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = pkcs12(read(file, "--tls-key-store"), password, file, "--tls-key-store");
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password == null ? new char[0] : password.toCharArray());
    return factory.getKeyManagers();
  }

  private static KeyStore pkcs12(byte[] bytes, String password, Path file, String option)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      store.load(in, password == null ? null : password.toCharArray());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          option
              + " "
              + file
              + " is neither PEM certificates nor a PKCS12 store it can open"
              + (password == null ? " (a PKCS12 store may need --tls-trust-password)" : "")
              + ": "
              + e.getMessage());
    }
    return store;
  }

  private static byte[] read(Path file, String option) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + " " + file + ": file not found");
    }
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(option + " " + file + ": larger than 1 MiB");
    }
    return Files.readAllBytes(file);
  }

  /** {@code --tls-insecure}: accepts any chain. The name check is off too (verifyHostname). */
  private static final class TrustAnything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
