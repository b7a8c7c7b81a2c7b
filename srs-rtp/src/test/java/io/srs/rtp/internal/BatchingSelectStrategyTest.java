package io.srs.rtp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.SelectStrategy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchingSelectStrategyTest {
  private final BatchingSelectStrategy strategy = new BatchingSelectStrategy(1_000);
  private final AtomicInteger polls = new AtomicInteger();

  @Test
  void queuedTasksArePolledForAtOnce() throws Exception {
    assertThat(
            strategy.calculateStrategy(
                () -> {
                  polls.incrementAndGet();
                  return 2;
                },
                true))
        .isEqualTo(2);
    assertThat(polls).hasValue(1);
  }

  @Test
  void packetsGatheredWhileAsleepAreReadInOnePass() throws Exception {
    assertThat(strategy.calculateStrategy(() -> 7, false)).isEqualTo(7);
  }

  @Test
  void whenNothingGatheredTheLoopBlocksUntilSomethingArrives() throws Exception {
    assertThat(strategy.calculateStrategy(() -> 0, false)).isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  void aZeroIntervalIsRefused() {
    assertThatThrownBy(() -> new BatchingSelectStrategy(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
