package io.srs.sip.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Test-only key material, generated with the JDK's keytool when first asked for (nothing secret is
 * committed): a CA, a server certificate it signed for 127.0.0.1, a client certificate it signed, a
 * self-signed client the CA never saw, and an expired server certificate. Every store is PKCS12
 * with the password {@link #PASSWORD}.
 */
public final class TestPki {
  public static final String PASSWORD = "test-only-password";

  private static TestPki shared;

  public final Path dir;

  /** The CA's certificate alone, as a trust store (no private key). */
  public final Path caTrustStore;

  /** The CA's certificate, PEM. */
  public final Path caPem;

  /** The server's key and chain (SAN IP:127.0.0.1), signed by the CA. */
  public final Path serverKeyStore;

  /** A client's key and chain, signed by the CA. */
  public final Path clientKeyStore;

  /** A self-signed client the CA never signed. */
  public final Path rogueClientKeyStore;

  /** A server key whose self-signed certificate expired yesterday. */
  public final Path expiredKeyStore;

  private TestPki(Path dir) throws IOException, InterruptedException {
    this.dir = dir;
    caTrustStore = dir.resolve("ca-trust.p12");
    caPem = dir.resolve("ca.pem");
    serverKeyStore = dir.resolve("server.p12");
    clientKeyStore = dir.resolve("client.p12");
    rogueClientKeyStore = dir.resolve("rogue-client.p12");
    expiredKeyStore = dir.resolve("expired.p12");
    Path ca = dir.resolve("ca.p12");
    keytool(ca, "-genkeypair", "-alias", "ca", "-dname", "CN=SRS Test CA", "-ext", "bc:c");
    keytool(ca, "-exportcert", "-rfc", "-alias", "ca", "-file", caPem.toString());
    keytool(caTrustStore, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString());
    signed(ca, serverKeyStore, "server", "CN=127.0.0.1", "san=ip:127.0.0.1");
    signed(ca, clientKeyStore, "client", "CN=src.test", "san=dns:src.test");
    keytool(rogueClientKeyStore, "-genkeypair", "-alias", "rogue", "-dname", "CN=rogue.test");
    keytool(
        expiredKeyStore,
        "-genkeypair",
        "-alias",
        "expired",
        "-dname",
        "CN=127.0.0.1",
        "-startdate",
        "-3d",
        "-validity",
        "1");
  }

  /** Generated once per test JVM, deleted when it exits. */
  public static synchronized TestPki shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("srs-test-pki");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        shared = new TestPki(dir);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("cannot generate test certificates with keytool", e);
      }
    }
    return shared;
  }

  /**
   * A client context trusting {@code trust} and presenting the key in {@code keyStore} (or
   * nothing). The key is presented even when the server asks for another CA's, as a misconfigured
   * SBC would: JSSE alone would quietly send no certificate instead.
   */
  public SSLContext clientContext(Path keyStore, Path trust) throws Exception {
    KeyManager[] keyManagers = null;
    if (keyStore != null) {
      KeyStore store = load(keyStore);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD.toCharArray());
      String alias = null;
      for (String name : Collections.list(store.aliases())) {
        if (store.isKeyEntry(name)) {
          alias = name;
        }
      }
      keyManagers =
          new KeyManager[] {
            new AlwaysPresent((X509ExtendedKeyManager) keys.getKeyManagers()[0], alias)
          };
    }
    TrustManagerFactory trusts =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trusts.init(trust == null ? null : load(trust));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers, trusts.getTrustManagers(), null);
    return context;
  }

  /** Offers its one key to any server that asks for a client certificate. */
  private static final class AlwaysPresent extends X509ExtendedKeyManager {
    private final X509ExtendedKeyManager keys;
    private final String alias;

    AlwaysPresent(X509ExtendedKeyManager keys, String alias) {
      this.keys = keys;
      this.alias = alias;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return alias;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine e) {
      return alias;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {alias};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return keys.getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return keys.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String name) {
      return keys.getCertificateChain(name);
    }

    @Override
    public PrivateKey getPrivateKey(String name) {
      return keys.getPrivateKey(name);
    }
  }

  private static KeyStore load(Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(file)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private void signed(Path ca, Path store, String alias, String dname, String san)
      throws IOException, InterruptedException {
    Path csr = dir.resolve(alias + ".csr");
    Path pem = dir.resolve(alias + ".pem");
    keytool(store, "-genkeypair", "-alias", alias, "-dname", dname);
    keytool(store, "-certreq", "-alias", alias, "-file", csr.toString());
    keytool(
        ca,
        "-gencert",
        "-alias",
        "ca",
        "-infile",
        csr.toString(),
        "-outfile",
        pem.toString(),
        "-rfc",
        "-ext",
        san);
    // The CA first, so keytool can build the chain of the reply.
    keytool(store, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString());
    keytool(store, "-importcert", "-alias", alias, "-file", pem.toString());
  }

  /** Runs keytool on {@code store} (PKCS12, {@link #PASSWORD}); EC P-256 keys, 30 days. */
  private static void keytool(Path store, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "-keystore",
            store.toString(),
            "-storepass",
            PASSWORD,
            "-keypass",
            PASSWORD,
            "-storetype",
            "PKCS12"));
    if (command.contains("-genkeypair")) {
      command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
      if (!command.contains("-validity")) {
        command.addAll(List.of("-validity", "30"));
      }
    }
    if (command.contains("-gencert")) {
      command.addAll(List.of("-validity", "30"));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(
          "keytool failed: " + command + "\n" + new String(output, StandardCharsets.UTF_8));
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory: the OS cleans it eventually
    }
  }
}
