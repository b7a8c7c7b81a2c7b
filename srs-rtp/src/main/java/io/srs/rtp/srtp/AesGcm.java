package io.srs.rtp.srtp;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables4kGCMMultiplier;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-GCM (NIST SP 800-38D) with a 96-bit IV and a 128-bit tag, as RFC 7714 uses it, written over
 * our own preallocated blocks so a packet allocates nothing (Bouncy Castle's {@code GCMBlockCipher}
 * allocates on every re-init, and an SRTP packet is a re-init: a new IV). The block cipher and the
 * GF(2^128) multiplication by H are Bouncy Castle's.
 *
 * <p>One operation is: {@link #start} with the IV, {@link #aad} (any number of pieces, in order),
 * {@link #ciphertext} over the ciphertext (after encrypting, or before decrypting: a tag is
 * verified before anything is decrypted), {@link #finish}, then {@link #crypt} to encrypt or
 * decrypt in place.
 */
final class AesGcm {
  static final int BLOCK = 16;

  /** RFC 7714 §8.1: the IV is 12 octets. */
  static final int IV_BYTES = 12;

  /** RFC 7714 §14.2: both AEAD suites carry a 16-octet tag. */
  static final int TAG_BYTES = 16;

  private final AESEngine aes = new AESEngine();
  private final GCMMultiplier multiplier = new Tables4kGCMMultiplier();
  private final byte[] j0 = new byte[BLOCK];
  private final byte[] counter = new byte[BLOCK];
  private final byte[] keystream = new byte[BLOCK];
  private final byte[] ghash = new byte[BLOCK];
  private final byte[] tag = new byte[BLOCK];
  private int filled;
  private long aadBytes;
  private long ciphertextBytes;

  AesGcm(byte[] sessionKey) {
    aes.init(true, new KeyParameter(sessionKey));
    byte[] h = new byte[BLOCK];
    aes.processBlock(h, 0, h, 0); // H = E(K, 0^128)
    multiplier.init(h);
    Arrays.fill(h, (byte) 0);
  }

  /** Begins an operation: J0 = IV || 0^31 || 1 (SP 800-38D §7.1, 96-bit IV). */
  void start(byte[] iv) {
    System.arraycopy(iv, 0, j0, 0, IV_BYTES);
    j0[12] = 0;
    j0[13] = 0;
    j0[14] = 0;
    j0[15] = 1;
    Arrays.fill(ghash, (byte) 0);
    filled = 0;
    aadBytes = 0;
    ciphertextBytes = 0;
  }

  /** Adds authenticated data; successive calls are one string (RFC 7714 §9.1 splits SRTCP's). */
  void aad(byte[] data, int at, int length) {
    absorb(data, at, length);
    aadBytes += length;
  }

  /** Adds ciphertext to the hash; the AAD ends here and is zero-padded to a block. */
  void ciphertext(byte[] data, int at, int length) {
    if (ciphertextBytes == 0) {
      pad();
    }
    absorb(data, at, length);
    ciphertextBytes += length;
  }

  /** Completes GHASH with the lengths block and computes the tag E(K, J0) XOR S. */
  void finish() {
    pad();
    long aadBits = aadBytes * 8;
    long ciphertextBits = ciphertextBytes * 8;
    for (int i = 0; i < 8; i++) {
      ghash[i] ^= (byte) (aadBits >>> (56 - 8 * i));
      ghash[8 + i] ^= (byte) (ciphertextBits >>> (56 - 8 * i));
    }
    multiplier.multiplyH(ghash);
    aes.processBlock(j0, 0, tag, 0);
    for (int i = 0; i < BLOCK; i++) {
      tag[i] ^= ghash[i];
    }
  }

  /** True when the computed tag equals the {@link #TAG_BYTES} at {@code at}, in constant time. */
  boolean tagMatches(byte[] packet, int at) {
    return SrtpPackets.constantTimeEquals(tag, 0, packet, at, TAG_BYTES);
  }

  void writeTag(byte[] packet, int at) {
    System.arraycopy(tag, 0, packet, at, TAG_BYTES);
  }

  /** GCTR from inc32(J0): encrypts or decrypts {@code length} bytes at {@code at} in place. */
  void crypt(byte[] data, int at, int length) {
    System.arraycopy(j0, 0, counter, 0, BLOCK);
    int block = 1;
    while (length > 0) {
      block++;
      counter[12] = (byte) (block >>> 24);
      counter[13] = (byte) (block >>> 16);
      counter[14] = (byte) (block >>> 8);
      counter[15] = (byte) block;
      aes.processBlock(counter, 0, keystream, 0);
      int n = Math.min(BLOCK, length);
      for (int i = 0; i < n; i++) {
        data[at + i] ^= keystream[i];
      }
      at += n;
      length -= n;
    }
  }

  void wipe() {
    Arrays.fill(j0, (byte) 0);
    Arrays.fill(counter, (byte) 0);
    Arrays.fill(keystream, (byte) 0);
    Arrays.fill(ghash, (byte) 0);
    Arrays.fill(tag, (byte) 0);
  }

  /** XORs bytes into the running GHASH block, multiplying by H each time a block fills. */
  private void absorb(byte[] data, int at, int length) {
    for (int i = 0; i < length; i++) {
      ghash[filled++] ^= data[at + i];
      if (filled == BLOCK) {
        multiplier.multiplyH(ghash);
        filled = 0;
      }
    }
  }

  /** Ends a zero-padded segment: a partial block is multiplied as if its rest were zeros. */
  private void pad() {
    if (filled > 0) {
      multiplier.multiplyH(ghash);
      filled = 0;
    }
  }
}
