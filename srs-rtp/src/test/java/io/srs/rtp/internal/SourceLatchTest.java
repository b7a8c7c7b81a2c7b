package io.srs.rtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.rtp.internal.SourceLatch.Verdict;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SourceLatchTest {
  private static final long MS = 1_000_000L;
  private static final InetSocketAddress SBC = new InetSocketAddress("192.0.2.10", 30000);
  private static final InetSocketAddress STANDBY = new InetSocketAddress("192.0.2.11", 41000);

  private final SourceLatch latch = new SourceLatch(250 * MS);

  @Test
  void theFirstSenderOwnsTheStream() {
    assertThat(latch.offer(SBC, 100, 0)).isEqualTo(Verdict.LATCHED);
    assertThat(latch.offer(SBC, 101, 20 * MS)).isEqualTo(Verdict.OWNER);
    assertThat(latch.owner()).isEqualTo(SBC);
  }

  @Test
  void aNewcomerTakesOverOnceTheOwnerIsQuietAndItHasSentFiveInARow() {
    latch.offer(SBC, 100, 0);
    long t = 300 * MS; // the owner has been quiet for 300 ms
    for (int i = 0; i < SourceLatch.CANDIDATE_PACKETS - 1; i++) {
      assertThat(latch.offer(STANDBY, 5000 + i, t + i * 20 * MS)).isEqualTo(Verdict.FOREIGN);
    }
    assertThat(latch.offer(STANDBY, 5004, t + 80 * MS)).isEqualTo(Verdict.RELATCHED);
    assertThat(latch.owner()).isEqualTo(STANDBY);
    assertThat(latch.previousOwner()).isEqualTo(SBC);
    assertThat(latch.relatches()).isEqualTo(1);
    assertThat(latch.offer(SBC, 101, t + 100 * MS)).isEqualTo(Verdict.FOREIGN);
  }

  @Test
  void whileTheOwnerKeepsSendingNobodyElseTakesOver() {
    for (int i = 0; i < 50; i++) {
      latch.offer(SBC, 100 + i, i * 20 * MS);
      assertThat(latch.offer(STANDBY, 7000 + i, i * 20 * MS + MS)).isEqualTo(Verdict.FOREIGN);
    }
    assertThat(latch.owner()).isEqualTo(SBC);
  }

  @Test
  void aNewcomerMustWaitForTheOwnersSilenceEvenWithALongRun() {
    latch.offer(SBC, 100, 0);
    for (int i = 0; i < 12; i++) { // 0..220 ms: the owner's last packet is younger than 250 ms
      assertThat(latch.offer(STANDBY, 5000 + i, i * 20 * MS)).isEqualTo(Verdict.FOREIGN);
    }
    assertThat(latch.offer(STANDBY, 5012, 260 * MS)).isEqualTo(Verdict.RELATCHED);
  }

  @Test
  void strayPacketsOutOfSequenceNeverQualify() {
    latch.offer(SBC, 100, 0);
    for (int i = 0; i < 20; i++) { // a previous call's leftovers: every other sequence number
      assertThat(latch.offer(STANDBY, 5000 + 2 * i, (300 + i * 20) * MS))
          .isEqualTo(Verdict.FOREIGN);
    }
    assertThat(latch.owner()).isEqualTo(SBC);
  }

  @Test
  void theRunFollowsTheSequenceAcrossItsWrap() {
    latch.offer(SBC, 100, 0);
    int[] sequences = {65533, 65534, 65535, 0, 1};
    Verdict last = null;
    for (int i = 0; i < sequences.length; i++) {
      last = latch.offer(STANDBY, sequences[i], (300 + i * 20) * MS);
    }
    assertThat(last).isEqualTo(Verdict.RELATCHED);
  }

  @Test
  void aZeroQuietTimeNeverReLatches() {
    SourceLatch strict = new SourceLatch(0);
    strict.offer(SBC, 100, 0);
    for (int i = 0; i < 100; i++) {
      assertThat(strict.offer(STANDBY, 5000 + i, (1000 + i * 20) * MS)).isEqualTo(Verdict.FOREIGN);
    }
  }
}
