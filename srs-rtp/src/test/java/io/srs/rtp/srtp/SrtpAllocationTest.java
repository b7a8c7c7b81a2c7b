package io.srs.rtp.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hot path allocates nothing per packet (DESIGN.md: no allocation beyond the pooled buffer).
 */
class SrtpAllocationTest {
  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 10_000;

  @ParameterizedTest
  @EnumSource(
      value = SrtpSuite.class,
      names = {"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
  void unprotectingAG711PacketAllocatesNothing(SrtpSuite suite) {
    SrtpKeys keys = SrtpPacketsFixture.keys(suite, 17);
    SrtpProtector sender = new SrtpProtector(keys);
    SrtpUnprotector receiver = new SrtpUnprotector(keys);
    int total = WARM_UP + MEASURED;
    byte[][] packets = new byte[total][];
    int[] lengths = new int[total];
    for (int i = 0; i < total; i++) {
      packets[i] = SrtpPacketsFixture.rtp(i & 0xFFFF, SrtpPacketsFixture.SSRC);
      lengths[i] = sender.protectRtp(packets[i], 0, SrtpPacketsFixture.RTP_LENGTH);
    }
    for (int i = 0; i < WARM_UP; i++) {
      receiver.unprotect(packets[i], 0, lengths[i]);
    }

    int[] failures = new int[1];
    long allocated =
        allocatedBy(
            () -> {
              for (int i = WARM_UP; i < total; i++) {
                if (receiver.unprotect(packets[i], 0, lengths[i]) != SrtpStatus.OK) {
                  failures[0]++;
                }
              }
            });

    assertThat(failures[0]).isZero();
    // Zero in steady state; a few hundred bytes of slack for a late JIT deoptimisation.
    assertThat(allocated).as("bytes allocated for %d packets", MEASURED).isLessThan(1024);
  }

  private static long allocatedBy(Runnable work) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
