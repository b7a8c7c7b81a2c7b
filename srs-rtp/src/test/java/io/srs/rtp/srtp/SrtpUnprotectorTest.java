package io.srs.rtp.srtp;

import static io.srs.rtp.srtp.SrtpPacketsFixture.RTCP_LENGTH;
import static io.srs.rtp.srtp.SrtpPacketsFixture.RTP_LENGTH;
import static io.srs.rtp.srtp.SrtpPacketsFixture.SSRC;
import static io.srs.rtp.srtp.SrtpPacketsFixture.keys;
import static io.srs.rtp.srtp.SrtpPacketsFixture.rtcp;
import static io.srs.rtp.srtp.SrtpPacketsFixture.rtp;
import static io.srs.rtp.srtp.SrtpPacketsFixture.withMki;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The receive side's behaviour: index, replay, tampering, keys, MKI, every suite. */
class SrtpUnprotectorTest {
  private static final SrtpKeys KEYS = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 1);

  private final SrtpProtector sender = new SrtpProtector(KEYS);
  private final SrtpUnprotector receiver = new SrtpUnprotector(KEYS);

  private byte[] protect(SrtpProtector with, int seq, long ssrc) {
    byte[] packet = rtp(seq, ssrc);
    int length = with.protectRtp(packet, 0, RTP_LENGTH);
    return Arrays.copyOf(packet, length);
  }

  private byte[] protect(int seq) {
    return protect(sender, seq, SSRC);
  }

  private SrtpStatus unprotect(byte[] srtp) {
    return receiver.unprotect(srtp, 0, srtp.length);
  }

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void everySuiteRoundTripsRtpAndRtcp(SrtpSuite suite) {
    SrtpKeys keys = keys(suite, suite.ordinal());
    SrtpProtector out = new SrtpProtector(keys);
    SrtpUnprotector in = new SrtpUnprotector(keys);
    SrtcpUnprotector inRtcp = new SrtcpUnprotector(keys);
    for (int seq = 100; seq < 110; seq++) {
      byte[] srtp = protect(out, seq, SSRC);
      assertThat(srtp.length).isEqualTo(RTP_LENGTH + suite.srtpTagBytes());
      assertThat(Arrays.copyOfRange(srtp, 12, RTP_LENGTH))
          .as("encrypted")
          .isNotEqualTo(Arrays.copyOfRange(rtp(seq, SSRC), 12, RTP_LENGTH));

      assertThat(in.unprotect(srtp, 0, srtp.length)).isEqualTo(SrtpStatus.OK);
      assertThat(in.length()).isEqualTo(RTP_LENGTH);
      assertThat(Arrays.copyOf(srtp, RTP_LENGTH))
          .isEqualTo(Arrays.copyOf(rtp(seq, SSRC), RTP_LENGTH));

      byte[] srtcp = rtcp(SSRC, seq * 160);
      int length = out.protectRtcp(srtcp, 0, RTCP_LENGTH);
      assertThat(length).isEqualTo(RTCP_LENGTH + 4 + suite.srtcpTagBytes());
      assertThat(inRtcp.unprotect(srtcp, 0, length)).isEqualTo(SrtpStatus.OK);
      assertThat(inRtcp.length()).isEqualTo(RTCP_LENGTH);
      assertThat(Arrays.copyOf(srtcp, RTCP_LENGTH))
          .isEqualTo(Arrays.copyOf(rtcp(SSRC, seq * 160), RTCP_LENGTH));
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void everySuiteStripsAndChecksAFourByteMki(SrtpSuite suite) {
    SrtpKeys keys = withMki(keys(suite, 7), 4, 0xDEAD_0001L);
    SrtpProtector out = new SrtpProtector(keys);
    SrtpUnprotector in = new SrtpUnprotector(keys);
    SrtpUnprotector otherMki = new SrtpUnprotector(withMki(keys(suite, 7), 4, 0xDEAD_0002L));
    byte[] srtp = protect(out, 5, SSRC);
    assertThat(srtp.length).isEqualTo(RTP_LENGTH + 4 + suite.srtpTagBytes());

    assertThat(otherMki.unprotect(srtp.clone(), 0, srtp.length)).isEqualTo(SrtpStatus.MKI_MISMATCH);
    assertThat(in.unprotect(srtp, 0, srtp.length)).isEqualTo(SrtpStatus.OK);
    assertThat(in.length()).isEqualTo(RTP_LENGTH);

    byte[] srtcp = rtcp(SSRC, 0);
    int length = out.protectRtcp(srtcp, 0, RTCP_LENGTH);
    SrtcpUnprotector inRtcp = new SrtcpUnprotector(keys);
    SrtcpUnprotector otherRtcp = new SrtcpUnprotector(withMki(keys(suite, 7), 4, 0xDEAD_0002L));
    assertThat(otherRtcp.unprotect(srtcp.clone(), 0, length)).isEqualTo(SrtpStatus.MKI_MISMATCH);
    assertThat(inRtcp.unprotect(srtcp, 0, length)).isEqualTo(SrtpStatus.OK);
    assertThat(inRtcp.length()).isEqualTo(RTCP_LENGTH);
  }

  @Test
  void theMkiSitsBeforeTheHmacTag() {
    // RFC 3711 §3.1: ... encrypted payload | MKI | authentication tag.
    SrtpProtector out = new SrtpProtector(withMki(KEYS, 2, 0x0102));
    byte[] srtp = protect(out, 1, SSRC);
    assertThat(srtp[RTP_LENGTH]).isEqualTo((byte) 0x01);
    assertThat(srtp[RTP_LENGTH + 1]).isEqualTo((byte) 0x02);
  }

  @Test
  void theShortTagSuitesCarryA32BitSrtpTagAndAn80BitSrtcpTag() {
    SrtpKeys keys = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_32, 3);
    SrtpProtector out = new SrtpProtector(keys);
    byte[] srtp = protect(out, 9, SSRC);
    assertThat(srtp.length).isEqualTo(RTP_LENGTH + 4);
    byte[] srtcp = rtcp(SSRC, 0);
    assertThat(out.protectRtcp(srtcp, 0, RTCP_LENGTH)).isEqualTo(RTCP_LENGTH + 4 + 10);

    SrtpUnprotector in = new SrtpUnprotector(keys);
    assertThat(in.unprotect(srtp, 0, srtp.length)).isEqualTo(SrtpStatus.OK);
  }

  @Test
  void theRolloverCounterCountsTheWrapFrom65535To0() {
    for (int i = 0; i < 12; i++) {
      int seq = (65530 + i) & 0xFFFF;
      assertThat(unprotect(protect(seq))).as("seq %d", seq).isEqualTo(SrtpStatus.OK);
    }
    assertThat(sender.roc()).isEqualTo(1);
    assertThat(receiver.roc(SSRC)).isEqualTo(1);
  }

  @Test
  void aPacketFromBeforeTheWrapStillDecryptsAfterIt() {
    byte[] late = protect(65535);
    for (int seq = 65530; seq < 65535; seq++) {
      unprotect(protect(seq));
    }
    for (int seq = 0; seq < 3; seq++) {
      assertThat(unprotect(protect(seq))).isEqualTo(SrtpStatus.OK);
    }

    assertThat(unprotect(late))
        .as("index 65535 at ROC 0, estimated as v = ROC - 1")
        .isEqualTo(SrtpStatus.OK);
    assertThat(receiver.roc(SSRC)).isEqualTo(1);
  }

  @Test
  void aReplayedPacketIsRejected() {
    byte[] srtp = protect(10);
    byte[] copy = srtp.clone();
    assertThat(unprotect(srtp)).isEqualTo(SrtpStatus.OK);

    assertThat(unprotect(copy)).isEqualTo(SrtpStatus.REPLAY_FAIL);
  }

  @Test
  void reorderedPacketsInsideTheWindowAreAcceptedOnce() {
    byte[] early = protect(1);
    byte[] earlyCopy = early.clone();
    assertThat(unprotect(protect(2))).isEqualTo(SrtpStatus.OK);
    assertThat(unprotect(protect(3))).isEqualTo(SrtpStatus.OK);

    assertThat(unprotect(early)).isEqualTo(SrtpStatus.OK);
    assertThat(unprotect(earlyCopy)).isEqualTo(SrtpStatus.REPLAY_FAIL);
  }

  @Test
  void aPacketOlderThanTheWindowIsRejected() {
    byte[] old = protect(1);
    for (int seq = 2; seq < 2 + ReplayWindow.SIZE + 1; seq++) {
      assertThat(unprotect(protect(seq))).isEqualTo(SrtpStatus.OK);
    }

    assertThat(unprotect(old)).isEqualTo(SrtpStatus.REPLAY_FAIL);
  }

  @Test
  void aTamperedPayloadFailsAuthenticationAndChangesNothing() {
    assertThat(unprotect(protect(65_000))).isEqualTo(SrtpStatus.OK);
    byte[] genuine = protect(100); // after the wrap: estimated at ROC 1, would move ROC and s_l
    byte[] tampered = genuine.clone();
    tampered[20] ^= 0x01;
    byte[] asSent = tampered.clone();

    assertThat(unprotect(tampered)).isEqualTo(SrtpStatus.AUTH_FAIL);

    assertThat(tampered).as("bytes untouched").isEqualTo(asSent);
    assertThat(receiver.roc(SSRC)).as("ROC not advanced").isZero();
    assertThat(unprotect(protect(65_001))).as("s_l not moved").isEqualTo(SrtpStatus.OK);
    assertThat(unprotect(genuine)).as("the index was not marked received").isEqualTo(SrtpStatus.OK);
    assertThat(receiver.roc(SSRC)).isEqualTo(1);
  }

  @Test
  void aTamperedHeaderFailsAuthentication() {
    byte[] srtp = protect(7);
    srtp[1] ^= 0x08; // payload type: the header is authenticated too

    assertThat(unprotect(srtp)).isEqualTo(SrtpStatus.AUTH_FAIL);
  }

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void theWrongKeyFailsAuthentication(SrtpSuite suite) {
    SrtpProtector out = new SrtpProtector(keys(suite, 11));
    SrtpUnprotector in = new SrtpUnprotector(keys(suite, 12));
    byte[] srtp = protect(out, 1, SSRC);
    byte[] srtcp = rtcp(SSRC, 0);
    int length = out.protectRtcp(srtcp, 0, RTCP_LENGTH);

    assertThat(in.unprotect(srtp, 0, srtp.length)).isEqualTo(SrtpStatus.AUTH_FAIL);
    assertThat(new SrtcpUnprotector(keys(suite, 12)).unprotect(srtcp, 0, length))
        .isEqualTo(SrtpStatus.AUTH_FAIL);
  }

  @Test
  void packetsTooShortForHeaderAndTagAreTooShort() {
    byte[] srtp = protect(1);
    assertThat(receiver.unprotect(srtp, 0, 12 + 9)).isEqualTo(SrtpStatus.TOO_SHORT);
    assertThat(receiver.unprotect(srtp, 0, 11)).isEqualTo(SrtpStatus.TOO_SHORT);
    byte[] csrcs = srtp.clone();
    csrcs[0] = (byte) 0x8F; // 15 CSRCs: the header would be 72 bytes, more than there is room for
    assertThat(receiver.unprotect(csrcs, 0, 60)).isEqualTo(SrtpStatus.TOO_SHORT);
    assertThat(new SrtcpUnprotector(KEYS).unprotect(srtp, 0, 8 + 13))
        .isEqualTo(SrtpStatus.TOO_SHORT);
  }

  @Test
  void aNewSsrcStartsItsOwnIndexAndTheOldOneKeepsItsOwn() {
    long other = 0x0BAD_CAFEL;
    SrtpProtector transferred = new SrtpProtector(KEYS);
    for (int i = 0; i < 6; i++) {
      assertThat(unprotect(protect((65533 + i) & 0xFFFF))).isEqualTo(SrtpStatus.OK);
    }
    assertThat(unprotect(protect(transferred, 500, other))).isEqualTo(SrtpStatus.OK);
    assertThat(unprotect(protect(4))).isEqualTo(SrtpStatus.OK);

    assertThat(receiver.roc(SSRC)).isEqualTo(1);
    assertThat(receiver.roc(other)).isZero();
  }

  @Test
  void unencryptedSrtpIsSentInTheClearAndStillAuthenticated() {
    SrtpKeys clear =
        new SrtpKeys(KEYS.suite(), KEYS.masterKey(), KEYS.masterSalt(), 0, 0, false, true, true);
    SrtpProtector out = new SrtpProtector(clear);
    SrtpUnprotector in = new SrtpUnprotector(clear);
    byte[] srtp = protect(out, 3, SSRC);
    assertThat(Arrays.copyOf(srtp, RTP_LENGTH)).isEqualTo(Arrays.copyOf(rtp(3, SSRC), RTP_LENGTH));
    byte[] tampered = srtp.clone();
    tampered[30] ^= 1;

    assertThat(in.unprotect(tampered, 0, tampered.length)).isEqualTo(SrtpStatus.AUTH_FAIL);
    assertThat(in.unprotect(srtp, 0, srtp.length)).isEqualTo(SrtpStatus.OK);
  }

  @Test
  void unauthenticatedSrtpCarriesNoTag() {
    SrtpKeys noTag =
        new SrtpKeys(KEYS.suite(), KEYS.masterKey(), KEYS.masterSalt(), 0, 0, true, true, false);
    SrtpProtector out = new SrtpProtector(noTag);
    SrtpUnprotector in = new SrtpUnprotector(noTag);
    byte[] srtp = protect(out, 3, SSRC);
    assertThat(srtp.length).isEqualTo(RTP_LENGTH);

    assertThat(in.unprotect(srtp, 0, srtp.length)).isEqualTo(SrtpStatus.OK);
    assertThat(Arrays.copyOf(srtp, RTP_LENGTH)).isEqualTo(Arrays.copyOf(rtp(3, SSRC), RTP_LENGTH));
  }

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void unencryptedSrtcpClearsTheEFlagAndIsStillAuthenticated(SrtpSuite suite) {
    SrtpKeys base = keys(suite, 21);
    SrtpKeys clear =
        new SrtpKeys(suite, base.masterKey(), base.masterSalt(), 0, 0, true, false, true);
    SrtpProtector out = new SrtpProtector(clear);
    byte[] srtcp = rtcp(SSRC, 99);
    int length = out.protectRtcp(srtcp, 0, RTCP_LENGTH);
    assertThat(Arrays.copyOf(srtcp, RTCP_LENGTH))
        .isEqualTo(Arrays.copyOf(rtcp(SSRC, 99), RTCP_LENGTH));
    int indexAt = suite.cipher() == SrtpSuite.SrtpCipher.AES_GCM ? RTCP_LENGTH + 16 : RTCP_LENGTH;
    assertThat(srtcp[indexAt] & 0x80).as("E flag").isZero();

    SrtcpUnprotector in = new SrtcpUnprotector(clear);
    byte[] tampered = srtcp.clone();
    tampered[12] ^= 1;
    assertThat(in.unprotect(tampered, 0, length)).isEqualTo(SrtpStatus.AUTH_FAIL);
    assertThat(in.unprotect(srtcp, 0, length)).isEqualTo(SrtpStatus.OK);
  }

  @Test
  void aReplayedSrtcpPacketIsRejected() {
    SrtcpUnprotector in = new SrtcpUnprotector(KEYS);
    byte[] srtcp = rtcp(SSRC, 1);
    int length = sender.protectRtcp(srtcp, 0, RTCP_LENGTH);
    byte[] copy = srtcp.clone();

    assertThat(in.unprotect(srtcp, 0, length)).isEqualTo(SrtpStatus.OK);
    assertThat(in.unprotect(copy, 0, length)).isEqualTo(SrtpStatus.REPLAY_FAIL);
  }

  @Test
  void aReKeyedSenderThatContinuesItsIndexIsFollowed() {
    for (int i = 0; i < 6; i++) {
      unprotect(protect((65533 + i) & 0xFFFF)); // ROC 1 now
    }
    SrtpKeys next = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 99);
    SrtpProtector continuing = new SrtpProtector(next);
    continuing.setRolloverCounter(SSRC, 1, 2);
    SrtpUnprotector rekeyed = new SrtpUnprotector(next);
    rekeyed.continueFrom(receiver);

    byte[] srtp = protect(continuing, 3, SSRC);
    assertThat(rekeyed.unprotect(srtp, 0, srtp.length)).isEqualTo(SrtpStatus.OK);
    assertThat(rekeyed.roc(SSRC)).isEqualTo(1);
  }

  @Test
  void aReKeyedSenderThatRestartsAtRocZeroIsFollowedToo() {
    for (int i = 0; i < 6; i++) {
      unprotect(protect((65533 + i) & 0xFFFF)); // ROC 1 now
    }
    SrtpKeys next = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 99);
    SrtpProtector restarting = new SrtpProtector(next); // a new libsrtp session: ROC 0
    SrtpUnprotector rekeyed = new SrtpUnprotector(next);
    rekeyed.continueFrom(receiver);

    for (int seq = 3; seq < 6; seq++) {
      byte[] srtp = protect(restarting, seq, SSRC);
      assertThat(rekeyed.unprotect(srtp, 0, srtp.length)).isEqualTo(SrtpStatus.OK);
    }
    assertThat(rekeyed.roc(SSRC)).isZero();
  }
}
