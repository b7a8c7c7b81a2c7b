package io.srs.storage.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of stored bytes, as lower-case hex: what the sidecar, ledger and index record. */
public final class Sha256 {

  private static final int READ_CHUNK = 64 * 1024;

  private Sha256() {}

  /** Hashes a file as it lies on disk, reading it back (not what we meant to write). */
  public static String ofFile(Path file) throws IOException {
    MessageDigest digest = newDigest();
    byte[] chunk = new byte[READ_CHUNK];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        digest.update(chunk, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
