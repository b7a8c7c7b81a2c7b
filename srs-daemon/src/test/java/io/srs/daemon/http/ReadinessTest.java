package io.srs.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  private static final long MIN_FREE = 1_000;

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final AtomicLong free = new AtomicLong(10_000);
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger probes = new AtomicInteger();
  private IOException storageFailure;

  private final Readiness readiness =
      new Readiness(
          draining::get,
          accepting::get,
          () -> {
            probes.incrementAndGet();
            if (storageFailure != null) {
              throw storageFailure;
            }
          },
          free::get,
          MIN_FREE,
          now::get);

  @Test
  void aHealthyRecorderIsReadyWith200() {
    HttpReply reply = readiness.reply();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(new String(reply.body())).contains("\"status\":\"ready\"");
  }

  @Test
  void drainingIsNotReadyWith503NamingWhy() {
    draining.set(true);
    accepting.set(false);

    HttpReply reply = readiness.reply();

    assertThat(reply.status()).isEqualTo(503);
    assertThat(new String(reply.body())).contains("\"reasons\":[\"draining\"]");
  }

  @Test
  void atCapacityIsNotReady() {
    accepting.set(false);

    assertThat(readiness.check().reasons()).containsExactly("at capacity (limits.max-sessions)");
  }

  @Test
  void diskBelowTheMinimumIsNotReadyNamingTheKey() {
    free.set(999);

    assertThat(readiness.check().reasons())
        .singleElement()
        .asString()
        .contains("999 bytes free")
        .contains("storage.min-free-bytes 1000");
  }

  @Test
  void storageThatCannotBeWrittenIsNotReady() {
    storageFailure = new IOException("/rec: read-only file system");

    assertThat(readiness.check().reasons())
        .containsExactly("storage not writable: /rec: read-only file system");
  }

  @Test
  void theStorageProbeRunsAtMostOncePerInterval() {
    readiness.check();
    readiness.check();
    assertThat(probes).hasValue(1);

    now.addAndGet(Readiness.STORAGE_CHECK_INTERVAL.toNanos());
    readiness.check();
    assertThat(probes).hasValue(2);
  }
}
