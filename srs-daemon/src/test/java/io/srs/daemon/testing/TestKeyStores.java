package io.srs.daemon.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test-only TLS material, generated with the JDK's keytool on first use (no key is committed): a
 * self-signed server certificate for 127.0.0.1 in a PKCS12 key store, the same certificate as PEM
 * and as a PKCS12 trust store (what an SRC would be given), and an expired key store.
 */
public final class TestKeyStores {
  public static final String PASSWORD = "test-only-password";

  private static TestKeyStores shared;

  /** The server's key and self-signed certificate (CN and SAN IP 127.0.0.1). */
  public final Path serverKeyStore;

  /** The server's certificate, PEM: what {@code srs simulate --tls-trust} reads. */
  public final Path serverCertificatePem;

  /** The server's certificate alone, as a PKCS12 trust store. */
  public final Path serverTrustStore;

  /** A key whose certificate expired yesterday. */
  public final Path expiredKeyStore;

  private TestKeyStores(Path dir) throws IOException, InterruptedException {
    serverKeyStore = dir.resolve("server.p12");
    serverCertificatePem = dir.resolve("server.pem");
    serverTrustStore = dir.resolve("server-trust.p12");
    expiredKeyStore = dir.resolve("expired.p12");
    keytool(
        serverKeyStore,
        "-genkeypair",
        "-alias",
        "srs",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "san=ip:127.0.0.1",
        "-validity",
        "30");
    keytool(
        serverKeyStore,
        "-exportcert",
        "-rfc",
        "-alias",
        "srs",
        "-file",
        serverCertificatePem.toString());
    keytool(
        serverTrustStore,
        "-importcert",
        "-noprompt",
        "-alias",
        "srs",
        "-file",
        serverCertificatePem.toString());
    keytool(
        expiredKeyStore,
        "-genkeypair",
        "-alias",
        "old",
        "-dname",
        "CN=127.0.0.1",
        "-startdate",
        "-3d",
        "-validity",
        "1");
  }

  /** Generated once per test JVM, deleted when it exits. */
  /**
   * The {@code sip:} section of a config that serves UDP and TLS on {@code tlsPort} with the server
   * key store opened by {@code password}.
   */
  public String sipTlsYaml(int tlsPort, String password) {
    return """
        sip:
          transports: [udp, tls]
          tls:
            port: %d
            key-store: %s
            key-store-password: "%s"
        """
        .formatted(tlsPort, serverKeyStore, password);
  }

  public static synchronized TestKeyStores shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("srs-test-tls");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        shared = new TestKeyStores(dir);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("cannot generate test key stores with keytool", e);
      }
    }
    return shared;
  }

  private static void keytool(Path store, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    if (command.contains("-genkeypair")) {
      command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
    }
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
