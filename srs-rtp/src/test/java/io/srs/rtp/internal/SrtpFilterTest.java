package io.srs.rtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import io.srs.rtp.srtp.SrtpProtector;
import io.srs.rtp.srtp.SrtpStatus;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stream's SRTP filter: re-keying, refusal counts, the plain view it hands on. */
class SrtpFilterTest {
  private static final long SSRC = 0xABCDEF01L;

  private static SrtpKeys keys(long seed) {
    Random random = new Random(seed);
    byte[] key = new byte[16];
    byte[] salt = new byte[14];
    random.nextBytes(key);
    random.nextBytes(salt);
    return SrtpKeys.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key, salt);
  }

  private static ByteBuf srtp(SrtpProtector sender, int seq) {
    ByteBuffer packet = ByteBuffer.allocate(12 + 160 + sender.rtpTrailerBytes());
    packet.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160);
    packet.putInt((int) SSRC);
    for (int i = 0; i < 160; i++) {
      packet.put((byte) (seq + i));
    }
    int length = sender.protectRtp(packet.array(), 0, 12 + 160);
    return Unpooled.wrappedBuffer(packet.array(), 0, length);
  }

  @Test
  void thePlainViewIsTheRtpPacket() {
    SrtpFilter filter = new SrtpFilter(1500, keys(1));
    ByteBuf plain = filter.unprotectRtp(srtp(new SrtpProtector(keys(1)), 42));

    assertThat(plain.readableBytes()).isEqualTo(172);
    assertThat(plain.getUnsignedShort(2)).isEqualTo(42);
    assertThat(plain.getByte(12 + 5)).isEqualTo((byte) (42 + 5));
  }

  @Test
  void theSameKeysAgainAfterASequenceWrapKeepTheContext() {
    SrtpKeys keys = keys(1);
    SrtpFilter filter = new SrtpFilter(1500, keys);
    SrtpProtector sender = new SrtpProtector(keys);
    for (int seq = 65530; seq < 65536 + 5; seq++) {
      assertThat(filter.unprotectRtp(srtp(sender, seq & 0xFFFF))).isNotNull();
    }

    assertThat(filter.rekey(keys(1))).as("a refresh repeating a=crypto").isFalse();

    assertThat(filter.unprotectRtp(srtp(sender, 5))).as("ROC 1 kept").isNotNull();
    assertThat(filter.authFailed()).isZero();
  }

  @Test
  void theOldKeyServesPacketsInFlightUntilTheNewKeyAuthenticates() {
    SrtpFilter filter = new SrtpFilter(1500, keys(1));
    SrtpProtector old = new SrtpProtector(keys(1));
    SrtpProtector next = new SrtpProtector(keys(2));
    assertThat(filter.unprotectRtp(srtp(old, 1))).isNotNull();

    assertThat(filter.rekey(keys(2))).isTrue();
    assertThat(filter.unprotectRtp(srtp(old, 2))).as("in flight").isNotNull();
    assertThat(filter.unprotectRtp(srtp(next, 3))).isNotNull();
    assertThat(filter.unprotectRtp(srtp(old, 4))).as("old key retired").isNull();

    assertThat(filter.lastStatus()).isEqualTo(SrtpStatus.AUTH_FAIL);
    assertThat(filter.authFailed()).isEqualTo(1);
  }

  @Test
  void refusalsAreCountedByKind() {
    SrtpFilter filter = new SrtpFilter(1500, keys(1));
    SrtpProtector sender = new SrtpProtector(keys(1));
    ByteBuf packet = srtp(sender, 9);
    ByteBuf copy = packet.copy();
    filter.unprotectRtp(packet);

    assertThat(filter.unprotectRtp(copy)).isNull();
    assertThat(filter.unprotectRtp(srtp(new SrtpProtector(keys(3)), 10))).isNull();
    assertThat(filter.unprotectRtp(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 0}))).isNull();

    assertThat(filter.replayed()).isEqualTo(1);
    assertThat(filter.authFailed()).isEqualTo(1);
    assertThat(filter.lastStatus()).isEqualTo(SrtpStatus.TOO_SHORT);
  }
}
