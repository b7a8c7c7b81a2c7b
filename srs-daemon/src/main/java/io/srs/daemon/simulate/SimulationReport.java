package io.srs.daemon.simulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load generator's verdict over all calls: counts, packets, and setup-time percentiles (INVITE
 * to 200) by the nearest-rank method. Pure; built once the calls have ended.
 */
public record SimulationReport(
    int attempted,
    int answered,
    int succeeded,
    Map<String, Integer> failuresByReason,
    long packetsSent,
    List<Long> setupNanosSorted) {

  public SimulationReport {
    failuresByReason = Collections.unmodifiableMap(new TreeMap<>(failuresByReason));
    setupNanosSorted = List.copyOf(setupNanosSorted);
  }

  public static SimulationReport of(List<CallResult> results) {
    int answered = 0;
    int succeeded = 0;
    long packets = 0;
    Map<String, Integer> failures = new TreeMap<>();
    List<Long> setups = new ArrayList<>();
    for (CallResult result : results) {
      if (result.answered()) {
        answered++;
        setups.add(result.setupNanos());
      }
      if (result.succeeded()) {
        succeeded++;
      } else {
        failures.merge(result.failure(), 1, Integer::sum);
      }
      packets += result.packetsSent();
    }
    Collections.sort(setups);
    return new SimulationReport(results.size(), answered, succeeded, failures, packets, setups);
  }

  public int failed() {
    return attempted - succeeded;
  }

  /** Every call attempted succeeded (and at least one was). */
  public boolean allSucceeded() {
    return attempted > 0 && succeeded == attempted;
  }

  /**
   * The nearest-rank percentile of setup time in milliseconds: the smallest value with at least
   * {@code percent}% of values at or below it; NaN when no call was answered.
   */
  public double setupPercentileMillis(double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percentile " + percent + " is outside (0, 100]");
    }
    if (setupNanosSorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * setupNanosSorted.size());
    return setupNanosSorted.get(Math.max(rank, 1) - 1) / 1e6;
  }

  /** The report as printed on stdout. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("srs simulate report\n");
    out.append(String.format("  calls attempted   %d%n", attempted));
    out.append(String.format("  calls answered    %d%n", answered));
    out.append(String.format("  calls succeeded   %d%n", succeeded));
    out.append(String.format("  calls failed      %d%n", failed()));
    failuresByReason.forEach(
        (reason, count) -> out.append(String.format("    %-15s %d%n", reason, count)));
    out.append(String.format("  packets sent      %d%n", packetsSent));
    if (setupNanosSorted.isEmpty()) {
      out.append("  setup time        n/a (no call answered)\n");
    } else {
      out.append(
          String.format(
              "  setup time ms     p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
              setupPercentileMillis(50),
              setupPercentileMillis(95),
              setupPercentileMillis(99),
              setupPercentileMillis(100)));
    }
    out.append(allSucceeded() ? "result: PASS\n" : "result: FAIL\n");
    return out.toString();
  }
}
