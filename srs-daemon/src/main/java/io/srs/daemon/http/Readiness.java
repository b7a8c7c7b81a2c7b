package io.srs.daemon.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether this recorder should be sent new calls: not while draining, at capacity, with storage
 * that cannot be written or nearly full. The same verdict as SIP OPTIONS (503), with the reasons
 * spelt out for the operator. The storage probe writes a file, so its result is reused for {@link
 * #STORAGE_CHECK_INTERVAL}: a probe storm cannot become a disk storm.
 */
public final class Readiness {
  /** How long a storage check's result stands. */
  static final Duration STORAGE_CHECK_INTERVAL = Duration.ofSeconds(2);

  /** Creates and deletes a file in the recordings directory, or throws naming the problem. */
  @FunctionalInterface
  public interface StorageProbe {
    void verifyWritable() throws IOException;
  }

  /** Usable bytes on the recordings' file system. */
  @FunctionalInterface
  public interface FreeSpace {
    long usableBytes() throws IOException;
  }

  /**
   * The verdict.
   *
   * @param reasons why not ready; empty when ready
   */
  public record Verdict(List<String> reasons) {
    public Verdict {
      reasons = List.copyOf(reasons);
    }

    public boolean ready() {
      return reasons.isEmpty();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BooleanSupplier draining;
  private final BooleanSupplier acceptingCalls;
  private final StorageProbe storage;
  private final FreeSpace freeSpace;
  private final long minFreeBytes;
  private final LongSupplier nanoTime;
  private final Object storageLock = new Object();
  private List<String> storageProblems = List.of();
  private long storageCheckedAt;
  private boolean storageChecked;

  public Readiness(
      BooleanSupplier draining,
      BooleanSupplier acceptingCalls,
      StorageProbe storage,
      FreeSpace freeSpace,
      long minFreeBytes,
      LongSupplier nanoTime) {
    this.draining = draining;
    this.acceptingCalls = acceptingCalls;
    this.storage = storage;
    this.freeSpace = freeSpace;
    this.minFreeBytes = minFreeBytes;
    this.nanoTime = nanoTime;
  }

  public Verdict check() {
    List<String> reasons = new ArrayList<>();
    if (draining.getAsBoolean()) {
      reasons.add("draining");
    } else if (!acceptingCalls.getAsBoolean()) {
      reasons.add("at capacity (limits.max-sessions)");
    }
    reasons.addAll(storageProblems());
    return new Verdict(reasons);
  }

  private List<String> storageProblems() {
    synchronized (storageLock) {
      long now = nanoTime.getAsLong();
      if (storageChecked && now - storageCheckedAt < STORAGE_CHECK_INTERVAL.toNanos()) {
        return storageProblems;
      }
      List<String> problems = new ArrayList<>();
      try {
        storage.verifyWritable();
      } catch (IOException | RuntimeException e) {
        problems.add("storage not writable: " + e.getMessage());
      }
      try {
        long usable = freeSpace.usableBytes();
        if (usable < minFreeBytes) {
          problems.add(
              "disk low: " + usable + " bytes free, below storage.min-free-bytes " + minFreeBytes);
        }
      } catch (IOException | RuntimeException e) {
        problems.add("disk space unknown: " + e.getMessage());
      }
      storageProblems = List.copyOf(problems);
      storageCheckedAt = now;
      storageChecked = true;
      return storageProblems;
    }
  }

  /** {@code /health/ready}: 200 or 503 with {@code {"status":..., "reasons":[...]}}. */
  public HttpReply reply() {
    Verdict verdict = check();
    ObjectNode body = JSON.createObjectNode();
    body.put("status", verdict.ready() ? "ready" : "not ready");
    var reasons = body.putArray("reasons");
    verdict.reasons().forEach(reasons::add);
    return HttpReply.json(verdict.ready() ? 200 : 503, body.toString() + "\n");
  }
}
