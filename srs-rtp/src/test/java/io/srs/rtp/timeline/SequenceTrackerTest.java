package io.srs.rtp.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3550 §A.1 sequence extension, probation of big jumps, and the expected count. */
class SequenceTrackerTest {
  private final SequenceTracker sequences = new SequenceTracker();

  @Test
  void sequenceNumbersExtendAcrossTheSixteenBitWrap() {
    sequences.restart(65_534);

    assertThat(sequences.extend(65_535)).isEqualTo(65_535);
    assertThat(sequences.extend(0)).isEqualTo(65_536);
    sequences.held(65_536);
    assertThat(sequences.extend(1)).isEqualTo(65_537);
  }

  @Test
  void aPacketReorderedBehindTheStartExtendsBackwards() {
    sequences.restart(0);

    assertThat(sequences.extend(65_535)).isEqualTo(-1);
  }

  @Test
  void jumpsBeyondMaxDropoutOrMaxMisorderAreJumps() {
    sequences.restart(10_000);

    assertThat(sequences.extend(10_000 + SequenceTracker.MAX_DROPOUT)).isEqualTo(13_000);
    assertThat(sequences.extend(10_000 + SequenceTracker.MAX_DROPOUT + 1))
        .isEqualTo(SequenceTracker.JUMP);
    assertThat(sequences.extend(10_000 - SequenceTracker.MAX_MISORDER)).isEqualTo(9_900);
    assertThat(sequences.extend(10_000 - SequenceTracker.MAX_MISORDER - 1))
        .isEqualTo(SequenceTracker.JUMP);
  }

  @Test
  void aJumpIsBelievedOnlyWhenTheNextPacketFollowsIt() {
    sequences.restart(100);

    assertThat(sequences.confirmsJump(30_000)).isFalse(); // on probation
    assertThat(sequences.confirmsJump(40_000)).isFalse(); // not its successor: probation again
    assertThat(sequences.confirmsJump(40_001)).isTrue();
  }

  @Test
  void anInRangePacketEndsAJumpsProbation() {
    sequences.restart(100);
    assertThat(sequences.confirmsJump(30_000)).isFalse();

    sequences.extend(101);

    assertThat(sequences.confirmsJump(30_001)).isFalse();
  }

  @Test
  void probationFollowsTheSequenceWrap() {
    sequences.restart(30_000);

    assertThat(sequences.confirmsJump(65_535)).isFalse();
    assertThat(sequences.confirmsJump(0)).isTrue();
  }

  @Test
  void expectedCountsEverySegmentsSpanOfSequenceNumbers() {
    assertThat(sequences.expected()).isZero();
    sequences.restart(1000);
    sequences.held(1009);
    sequences.held(998); // reordered before the first

    assertThat(sequences.expected()).isEqualTo(12);

    sequences.restart(50); // an SSRC change or a believed jump
    sequences.held(54);

    assertThat(sequences.expected()).isEqualTo(12 + 5);
  }
}
