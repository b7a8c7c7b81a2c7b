package io.srs.rtp.srtp;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The SRTP key derivation function (RFC 3711 §4.3) with a key derivation rate of 0, the only rate
 * SDES lets a key carry by default (RFC 4568 §6.1): session keys are derived once per master key,
 * with r = 0.
 *
 * <pre>
 * RFC 3711 §4.3.1:  key_id = label || r            (8 + 48 bits; r = 0 here)
 *                   x      = key_id XOR master_salt (key_id right-aligned in the 112-bit salt)
 * RFC 3711 §4.3.3:  session key = AES-CM(master key, IV = x * 2^16), keystream truncated
 * </pre>
 *
 * RFC 6188 §6 keeps this PRF for AES-256, keyed with the 256-bit master key, and a 256-bit session
 * key simply takes two keystream blocks. RFC 7714 §11 keeps it for AES-GCM, whose master salt is 96
 * bits: it is right-padded with zeros to 112 bits, as libsrtp (the reference the SBCs interoperate
 * with) does. Runs at set-up and re-key only, never per packet.
 */
final class SrtpKeyDerivation {

  /** RFC 3711 §4.3.1: SRTP encryption key. */
  static final int LABEL_RTP_ENCRYPTION = 0x00;

  /** RFC 3711 §4.3.1: SRTP authentication key. */
  static final int LABEL_RTP_AUTH = 0x01;

  /** RFC 3711 §4.3.1: SRTP salting key. */
  static final int LABEL_RTP_SALT = 0x02;

  /** RFC 3711 §4.3.2: SRTCP encryption key. */
  static final int LABEL_RTCP_ENCRYPTION = 0x03;

  /** RFC 3711 §4.3.2: SRTCP authentication key. */
  static final int LABEL_RTCP_AUTH = 0x04;

  /** RFC 3711 §4.3.2: SRTCP salting key. */
  static final int LABEL_RTCP_SALT = 0x05;

  /** The master salt the PRF works on: 112 bits (RFC 3711 §8.2). */
  static final int KDF_SALT_BYTES = 14;

  /** Where the label lands in x: key_id is 7 bytes, right-aligned in the 14-byte salt. */
  private static final int LABEL_BYTE = KDF_SALT_BYTES - 7;

  private static final int BLOCK = 16;

  private final AESEngine aes = new AESEngine();
  private final byte[] salt = new byte[KDF_SALT_BYTES];

  SrtpKeyDerivation(byte[] masterKey, byte[] masterSalt) {
    if (masterSalt.length > KDF_SALT_BYTES) {
      throw new IllegalArgumentException("master salt longer than 112 bits: " + masterSalt.length);
    }
    aes.init(true, new KeyParameter(masterKey));
    System.arraycopy(masterSalt, 0, salt, 0, masterSalt.length); // 96-bit salt: zero-padded
  }

  /** Fills {@code out} with the session key of {@code label}. */
  void derive(int label, byte[] out) {
    byte[] iv = new byte[BLOCK];
    byte[] block = new byte[BLOCK];
    System.arraycopy(salt, 0, iv, 0, KDF_SALT_BYTES);
    iv[LABEL_BYTE] ^= (byte) label; // r = 0: the six bytes after the label stay the salt's
    for (int done = 0, counter = 0; done < out.length; done += BLOCK, counter++) {
      iv[BLOCK - 2] = (byte) (counter >>> 8); // x * 2^16 leaves the low 16 bits for the counter
      iv[BLOCK - 1] = (byte) counter;
      aes.processBlock(iv, 0, block, 0);
      System.arraycopy(block, 0, out, done, Math.min(BLOCK, out.length - done));
    }
    Arrays.fill(block, (byte) 0);
  }

  /** A new array holding the session key of {@code label}, {@code bytes} long. */
  byte[] derive(int label, int bytes) {
    byte[] out = new byte[bytes];
    derive(label, out);
    return out;
  }

  /** Forgets the salt; the AES engine's key schedule is dropped with this object. */
  void wipe() {
    Arrays.fill(salt, (byte) 0);
  }
}
