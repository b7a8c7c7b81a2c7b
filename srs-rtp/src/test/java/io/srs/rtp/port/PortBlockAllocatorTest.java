package io.srs.rtp.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.port.MediaUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PortBlockAllocatorTest {

  @Test
  void blocksAreContiguousEvenAndDoNotOverlap() throws Exception {
    PortBlockAllocator allocator = new PortBlockAllocator(20000, 20099);

    PortBlock first = allocator.allocate(2);
    PortBlock second = allocator.allocate(3);

    assertThat(first).isEqualTo(new PortBlock(20000, 2));
    assertThat(first.rtpPort(1)).isEqualTo(20002);
    assertThat(first.rtcpPort(1)).isEqualTo(20003);
    assertThat(second).isEqualTo(new PortBlock(20004, 3));
    assertThat(allocator.freePairs()).isEqualTo(50 - 5);
  }

  @Test
  void releasedBlockIsReusedOnceTheSearchWrapsAround() throws Exception {
    PortBlockAllocator allocator = new PortBlockAllocator(20000, 20007); // 4 pairs
    PortBlock first = allocator.allocate(2);
    allocator.allocate(2);

    allocator.release(first);

    assertThat(allocator.allocate(2)).isEqualTo(first);
  }

  @Test
  void releasedBlockIsNotReusedWhileFreshPortsRemain() throws Exception {
    PortBlockAllocator allocator = new PortBlockAllocator(20000, 20099);
    PortBlock first = allocator.allocate(1);
    allocator.release(first);

    assertThat(allocator.allocate(1).basePort()).isEqualTo(20002);
  }

  @Test
  void exhaustionSaysWhatWasAskedAndWhatIsLeft() throws Exception {
    PortBlockAllocator allocator = new PortBlockAllocator(20000, 20005); // 3 pairs
    allocator.allocate(2);

    assertThatThrownBy(() -> allocator.allocate(2))
        .isInstanceOf(MediaUnavailableException.class)
        .hasMessage(
            "no block of 2 free RTP/RTCP port pairs in 20000..20005"
                + " (1 of 3 pairs free, fragmented or exhausted)");
  }

  @Test
  void evenHighEndLeavesOutTheLastHalfPair() {
    assertThat(new PortBlockAllocator(20000, 20010).totalPairs()).isEqualTo(5);
  }

  @Test
  void fragmentedRangeFindsTheGapThatFits() throws Exception {
    PortBlockAllocator allocator = new PortBlockAllocator(20000, 20011); // 6 pairs
    PortBlock a = allocator.allocate(1);
    PortBlock b = allocator.allocate(1);
    PortBlock c = allocator.allocate(1);
    allocator.allocate(3);
    allocator.release(a);
    allocator.release(c);
    assertThatThrownBy(() -> allocator.allocate(2)).isInstanceOf(MediaUnavailableException.class);

    allocator.release(b);

    assertThat(allocator.allocate(3)).isEqualTo(new PortBlock(20000, 3));
  }

  @Test
  void releasingTwiceIsRefused() throws Exception {
    PortBlockAllocator allocator = new PortBlockAllocator(20000, 20099);
    PortBlock block = allocator.allocate(1);
    allocator.release(block);

    assertThatThrownBy(() -> allocator.release(block))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not allocated");
  }

  @Test
  void concurrentAllocationsNeverShareAPort() throws Exception {
    PortBlockAllocator allocator = new PortBlockAllocator(20000, 21999); // 1000 pairs
    ConcurrentHashMap<Integer, Integer> owners = new ConcurrentHashMap<>();
    AtomicInteger clashes = new AtomicInteger();
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int me = t;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int round = 0; round < 2000; round++) {
                    PortBlock block = allocator.allocate(1 + round % 3);
                    for (int p = 0; p < block.pairs(); p++) {
                      if (owners.putIfAbsent(block.rtpPort(p), me) != null) {
                        clashes.incrementAndGet();
                      }
                    }
                    for (int p = 0; p < block.pairs(); p++) {
                      owners.remove(block.rtpPort(p));
                    }
                    allocator.release(block);
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(clashes).hasValue(0);
    assertThat(allocator.freePairs()).isEqualTo(1000);
  }
}
