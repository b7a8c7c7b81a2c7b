package io.srs.rtp.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Published test vectors: RFC 3711 Appendix B, RFC 6188 §7, RFC 7714 §16, and the reference packets
 * of libsrtp's test driver ({@code test/srtp_driver.c}: {@code srtp_validate}, {@code
 * srtp_validate_aes_256}, {@code srtp_validate_gcm}), the implementation SBCs interoperate with.
 */
class SrtpVectorsTest {

  // --- RFC 3711 B.2: AES-CM keystream ---

  @Test
  void aesCounterModeKeystreamMatchesRfc3711AppendixB2() {
    AesCounterMode cipher =
        new AesCounterMode(
            Hex.bytes("2B7E151628AED2A6ABF7158809CF4F3C"), // session key
            Hex.bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD")); // session salt (before the * 2^16)
    cipher.setIv(0, 0); // SSRC 0, ROC 0, SEQ 0: the IV is the shifted salt
    byte[] keystream = new byte[0xFF02 * 16]; // counters ...0000 to ...FF01
    cipher.apply(keystream, 0, keystream.length);

    assertThat(Hex.of(keystream, 0, 48))
        .isEqualToIgnoringCase(
            "E03EAD0935C95E80E166B16DD92B4EB4" // counter F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000
                + "D23513162B02D0F72A43A2FE4A5F97AB" // ...0001
                + "41E95B3BB0A2E8DD477901E4FCA894C0"); // ...0002
    assertThat(Hex.of(keystream, keystream.length - 48, 48))
        .isEqualToIgnoringCase(
            "EC8CDF7398607CB0F2D21675EA9EA1E4" // counter ...FEFF
                + "362B7C3C6773516318A077D7FC5073AE" // ...FF00
                + "6A2CC3787889374FBEB4C81B17BA6C44"); // ...FF01
  }

  // --- RFC 3711 B.3: key derivation ---

  @Test
  void keyDerivationMatchesRfc3711AppendixB3() {
    SrtpKeyDerivation kdf =
        new SrtpKeyDerivation(
            Hex.bytes("E1F97A0D3E018BE0D64FA32C06DE4139"), // master key
            Hex.bytes("0EC675AD498AFEEBB6960B3AABE6")); // master salt

    assertThat(kdf.derive(SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, 16))
        .isEqualTo(Hex.bytes("C61E7A93744F39EE10734AFE3FF7A087"));
    assertThat(kdf.derive(SrtpKeyDerivation.LABEL_RTP_SALT, 14))
        .isEqualTo(Hex.bytes("30CBBC08863D8C85D49DB34A9AE1"));
    assertThat(kdf.derive(SrtpKeyDerivation.LABEL_RTP_AUTH, 20))
        .isEqualTo(Hex.bytes("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
  }

  // --- RFC 6188 §7: AES-256 ---

  @Test
  void aes256CounterModeKeystreamMatchesRfc6188Section71() {
    AesCounterMode cipher =
        new AesCounterMode(
            Hex.bytes("57f82fe3613fd170a85ec93c40b1f0922ec4cb0dc025b58272147cc438944a98"),
            Hex.bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"));
    cipher.setIv(0, 0);
    byte[] keystream = new byte[0xFF02 * 16];
    cipher.apply(keystream, 0, keystream.length);

    assertThat(Hex.of(keystream, 0, 48))
        .isEqualToIgnoringCase(
            "92bdd28a93c3f52511c677d08b5515a4"
                + "9da71b2378a854f67050756ded165bac"
                + "63c4868b7096d88421b563b8c94c9a31");
    assertThat(Hex.of(keystream, keystream.length - 48, 48))
        .isEqualToIgnoringCase(
            "cea518c90fd91ced9cbb18c078a547113dbc4814f4da5f00a08772b63c6a046d"
                + "6eb246913062a16891433e97dd01a57f");
  }

  @Test
  void aes256KeyDerivationMatchesRfc6188Section72() {
    // RFC 6188 §6: the PRF is AES-256-CM keyed with the 256-bit master key; the 256-bit session
    // key is two keystream blocks.
    SrtpKeyDerivation kdf =
        new SrtpKeyDerivation(
            Hex.bytes("f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6"),
            Hex.bytes("3b04803de51ee7c96423ab5b78d2"));

    assertThat(kdf.derive(SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, 32))
        .isEqualTo(Hex.bytes("5ba1064e30ec51613cad926c5a28ef731ec7fb397f70a960653caf06554cd8c4"));
    assertThat(kdf.derive(SrtpKeyDerivation.LABEL_RTP_SALT, 14))
        .isEqualTo(Hex.bytes("fa31791685ca444a9e07c6c64e93"));
    assertThat(kdf.derive(SrtpKeyDerivation.LABEL_RTP_AUTH, 20))
        .isEqualTo(Hex.bytes("fd9c32d39ed5fbb5a9dc96b30818454d1313dc05"));
  }

  // --- RFC 7714 §16: AEAD_AES_128_GCM and AEAD_AES_256_GCM at the session-key level ---

  private static final String RFC7714_RTP =
      "8040f17b8041f8d35501a0b2" // V=2, PT 64, SEQ 0xf17b, TS 0x8041f8d3, SSRC 0x5501a0b2
          + "47616c6c696120657374206f6d6e697320646976697361" // "Gallia est omnis divisa"
          + "20696e207061727465732074726573"; // " in partes tres"

  private static final String RFC7714_SALT = "517569642070726f2071756f"; // "Quid pro quo"

  @Test
  void gcm128EncryptsTheRfc7714Section16Packet() {
    assertGcmVector(
        SrtpSuite.AEAD_AES_128_GCM,
        "000102030405060708090a0b0c0d0e0f",
        "8040f17b8041f8d35501a0b2"
            + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833"
            + "899d7f27beb16a9152cf765ee4390cce"); // ciphertext, then the 16-octet tag
  }

  @Test
  void gcm256EncryptsTheRfc7714Section16Packet() {
    assertGcmVector(
        SrtpSuite.AEAD_AES_256_GCM,
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
        "8040f17b8041f8d35501a0b2"
            + "32b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f1ba63799b87b"
            + "7aa3db36dfffd6b0f9bb7878d7a76c13");
  }

  private static void assertGcmVector(SrtpSuite suite, String sessionKey, String srtp) {
    SrtpKeys keys =
        SrtpKeys.of(suite, new byte[suite.masterKeyBytes()], new byte[suite.masterSaltBytes()]);
    GcmTransform transform = new GcmTransform(keys, Hex.bytes(sessionKey), Hex.bytes(RFC7714_SALT));
    byte[] plain = Hex.bytes(RFC7714_RTP);
    byte[] packet = Arrays.copyOf(plain, plain.length + AesGcm.TAG_BYTES);
    long ssrc = 0x5501a0b2L;
    long index = 0xf17b; // ROC 0

    int length = transform.protectRtp(packet, 0, plain.length, 12, ssrc, index);

    assertThat(Hex.of(packet, 0, length)).isEqualToIgnoringCase(srtp);
    assertThat(transform.unprotectRtp(packet, 0, length, 12, ssrc, index)).isTrue();
    assertThat(Arrays.copyOf(packet, plain.length)).isEqualTo(plain);
  }

  // --- libsrtp test/srtp_driver.c reference packets ---

  /** srtp_driver.c's RTP packet: SEQ 0x1234, TS 0xdecafbad, SSRC 0xcafebabe, 16 bytes of 0xab. */
  private static final String LIBSRTP_RTP = "800f1234decafbadcafebabe" + "ab".repeat(16);

  /** srtp_driver.c's RTCP packet: a sender report header, SSRC 0xcafebabe, 16 bytes of 0xab. */
  private static final String LIBSRTP_RTCP = "81c8000bcafebabe" + "ab".repeat(16);

  private static final SrtpKeys LIBSRTP_AES_CM_128 =
      SrtpKeys.of(
          SrtpSuite.AES_CM_128_HMAC_SHA1_80,
          Hex.bytes("e1f97a0d3e018be0d64fa32c06de4139"),
          Hex.bytes("0ec675ad498afeebb6960b3aabe6"));

  @Test
  void aesCm128HmacSha180ProtectsLibsrtpsReferencePacket() {
    assertSrtpReference(
        LIBSRTP_AES_CM_128,
        "800f1234decafbadcafebabe"
            + "4e55dc4ce79978d88ca4d215949d2402" // payload, encrypted
            + "b78d6acc99ea179b8dbb"); // 80-bit tag
  }

  @Test
  void aesCm128HmacSha180ProtectsLibsrtpsReferenceRtcpPacket() {
    assertSrtcpReference(
        LIBSRTP_AES_CM_128,
        "81c8000bcafebabe"
            + "7128035be487b9bdbef89041f977a5a8" // encrypted portion
            + "80000001" // E = 1, SRTCP index 1
            + "993e08cd54d6c1230798"); // 80-bit tag
  }

  @Test
  void aes256CmHmacSha180ProtectsLibsrtpsReferencePacket() {
    assertSrtpReference(
        SrtpKeys.of(
            SrtpSuite.AES_256_CM_HMAC_SHA1_80,
            Hex.bytes("f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6"),
            Hex.bytes("3b04803de51ee7c96423ab5b78d2")),
        "800f1234decafbadcafebabe" + "f1d9de17ff251ff1aa007774b0b4b40d" + "a08d9d9a5b3a55d8873b");
  }

  private static final SrtpKeys LIBSRTP_GCM_128 =
      SrtpKeys.of(
          SrtpSuite.AEAD_AES_128_GCM,
          Hex.bytes("000102030405060708090a0b0c0d0e0f"),
          Hex.bytes("a0a1a2a3a4a5a6a7a8a9aaab")); // 96-bit master salt (RFC 7714 §11)

  @Test
  void gcm128ProtectsLibsrtpsReferencePacket() {
    // Also pins the key derivation with a 96-bit master salt.
    assertSrtpReference(
        LIBSRTP_GCM_128,
        "800f1234decafbadcafebabe"
            + "c5002ede04cfdd2eb91159e0880aa06e" // ciphertext
            + "d2976826f796b201df3131a127e8a392"); // 128-bit tag
  }

  @Test
  void gcm128ProtectsLibsrtpsReferenceRtcpPacket() {
    assertSrtcpReference(
        LIBSRTP_GCM_128,
        "81c8000bcafebabe"
            + "c98b8b5df0392a55852b6c21ac8e7025" // ciphertext
            + "c52c6fbea2b3b446ea31123ba88ce61e" // tag
            + "80000001"); // E = 1, SRTCP index 1 (RFC 7714 §9: after the tag)
  }

  private static void assertSrtpReference(SrtpKeys keys, String srtp) {
    byte[] plain = Hex.bytes(LIBSRTP_RTP);
    SrtpProtector sender = new SrtpProtector(keys);
    byte[] packet = Arrays.copyOf(plain, plain.length + sender.rtpTrailerBytes());
    int length = sender.protectRtp(packet, 0, plain.length);
    assertThat(Hex.of(packet, 0, length)).isEqualToIgnoringCase(srtp);

    SrtpUnprotector receiver = new SrtpUnprotector(keys);
    byte[] received = Hex.bytes(srtp);
    assertThat(receiver.unprotect(received, 0, received.length)).isEqualTo(SrtpStatus.OK);
    assertThat(receiver.length()).isEqualTo(plain.length);
    assertThat(Arrays.copyOf(received, receiver.length())).isEqualTo(plain);
  }

  private static void assertSrtcpReference(SrtpKeys keys, String srtcp) {
    byte[] plain = Hex.bytes(LIBSRTP_RTCP);
    SrtpProtector sender = new SrtpProtector(keys);
    sender.setSrtcpIndex(1); // libsrtp counts its first SRTCP packet as 1
    byte[] packet = Arrays.copyOf(plain, plain.length + sender.rtcpTrailerBytes());
    int length = sender.protectRtcp(packet, 0, plain.length);
    assertThat(Hex.of(packet, 0, length)).isEqualToIgnoringCase(srtcp);

    SrtcpUnprotector receiver = new SrtcpUnprotector(keys);
    byte[] received = Hex.bytes(srtcp);
    assertThat(receiver.unprotect(received, 0, received.length)).isEqualTo(SrtpStatus.OK);
    assertThat(Arrays.copyOf(received, receiver.length())).isEqualTo(plain);
  }
}
