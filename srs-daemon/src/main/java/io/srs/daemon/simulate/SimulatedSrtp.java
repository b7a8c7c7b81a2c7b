package io.srs.daemon.simulate;

import io.srs.core.media.SrtpSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * How {@code --srtp} protects a run's media: the SDES suite each stream offers (RFC 4568), fresh
 * keys from one cryptographic generator, and an optional key log. The key log is the SSLKEYLOGFILE
 * idea for SRTP: one line per stream naming the call and the {@code a=crypto} it offered, so a
 * capture can be decrypted or a recorder's files searched for a leaked key. It holds secrets and is
 * created owner-only.
 */
final class SimulatedSrtp implements AutoCloseable {
  private final SrtpSuite suite;
  private final SecureRandom random = new SecureRandom();
  private final Writer keyLog;

  private SimulatedSrtp(SrtpSuite suite, Writer keyLog) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.keyLog = keyLog;
  }

  /** {@code keyLogFile} may be null: no key log. The file is appended to. */
  static SimulatedSrtp open(SrtpSuite suite, Path keyLogFile) throws IOException {
    if (keyLogFile == null) {
      return new SimulatedSrtp(suite, null);
    }
    if (!Files.exists(keyLogFile)) {
      try {
        Files.createFile(
            keyLogFile,
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(keyLogFile); // not a POSIX file system
      }
    }
    return new SimulatedSrtp(
        suite,
        Files.newBufferedWriter(keyLogFile, StandardCharsets.US_ASCII, StandardOpenOption.APPEND));
  }

  SrtpSuite suite() {
    return suite;
  }

  /** A fresh key for one stream of one call, logged when there is a key log. */
  SdesOffer offer(String callId, int label) {
    SdesOffer offer = SdesOffer.generate(suite, random);
    if (keyLog != null) {
      synchronized (keyLog) {
        try {
          keyLog.write(callId + " label:" + label + " a=" + offer.attribute() + "\n");
          keyLog.flush();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the --srtp-key-log", e);
        }
      }
    }
    return offer;
  }

  @Override
  public void close() throws IOException {
    if (keyLog != null) {
      keyLog.close();
    }
  }

  @Override
  public String toString() {
    return "SimulatedSrtp[" + suite.sdesName() + (keyLog != null ? ", key log" : "") + "]";
  }
}
