package io.srs.rtp.srtp;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES in Segmented Integer Counter Mode (RFC 3711 §4.1.1), the SRTP and SRTCP cipher of the AES_CM
 * suites (128-bit keys, RFC 3711; 256-bit keys, RFC 6188 §4). Encryption and decryption are the
 * same XOR with the keystream. Buffers are preallocated: nothing is allocated per packet.
 *
 * <pre>
 * RFC 3711 §4.1.1:  IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)
 *                   keystream = E(k_e, IV) || E(k_e, IV + 1) || E(k_e, IV + 2) ...
 * </pre>
 *
 * where k_s is the 112-bit session salt and i the 48-bit SRTP index (or the 31-bit SRTCP index).
 * The low 16 bits of the IV are zero, so block j's counter is j in the last two bytes; 2^16 blocks
 * (1 MiB) per packet is far beyond any datagram.
 */
final class AesCounterMode {
  static final int BLOCK = 16;

  /** RFC 3711 §4.1.1: the session salt is 112 bits. */
  static final int SALT_BYTES = 14;

  private final AESEngine aes = new AESEngine();
  private final byte[] salt;
  private final byte[] counter = new byte[BLOCK];
  private final byte[] keystream = new byte[BLOCK];

  AesCounterMode(byte[] sessionKey, byte[] sessionSalt) {
    if (sessionSalt.length != SALT_BYTES) {
      throw new IllegalArgumentException("AES-CM needs a 112-bit session salt");
    }
    aes.init(true, new KeyParameter(sessionKey));
    this.salt = sessionSalt.clone();
  }

  /** Sets the IV for the packet of source {@code ssrc} (unsigned 32 bits) at {@code index}. */
  void setIv(long ssrc, long index) {
    System.arraycopy(salt, 0, counter, 0, SALT_BYTES);
    counter[14] = 0;
    counter[15] = 0;
    // SSRC * 2^64: bytes 4..7.
    counter[4] ^= (byte) (ssrc >>> 24);
    counter[5] ^= (byte) (ssrc >>> 16);
    counter[6] ^= (byte) (ssrc >>> 8);
    counter[7] ^= (byte) ssrc;
    // i * 2^16: the 48-bit index in bytes 8..13.
    counter[8] ^= (byte) (index >>> 40);
    counter[9] ^= (byte) (index >>> 32);
    counter[10] ^= (byte) (index >>> 24);
    counter[11] ^= (byte) (index >>> 16);
    counter[12] ^= (byte) (index >>> 8);
    counter[13] ^= (byte) index;
  }

  /** Sets a whole 128-bit IV (its last two bytes are the block counter and must be zero). */
  void setIv(byte[] iv) {
    System.arraycopy(iv, 0, counter, 0, BLOCK);
  }

  /** XORs the keystream from block 0 of the current IV into {@code length} bytes at {@code at}. */
  void apply(byte[] buffer, int at, int length) {
    for (int block = 0; length > 0; block++) {
      counter[14] = (byte) (block >>> 8);
      counter[15] = (byte) block;
      aes.processBlock(counter, 0, keystream, 0);
      int n = Math.min(BLOCK, length);
      for (int i = 0; i < n; i++) {
        buffer[at + i] ^= keystream[i];
      }
      at += n;
      length -= n;
    }
  }

  void wipe() {
    Arrays.fill(salt, (byte) 0);
    Arrays.fill(counter, (byte) 0);
    Arrays.fill(keystream, (byte) 0);
  }
}
