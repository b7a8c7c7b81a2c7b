package io.srs.daemon.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationReportTest {

  private static List<CallResult> answeredInMillis(int... millis) {
    List<CallResult> results = new ArrayList<>();
    for (int ms : millis) {
      results.add(CallResult.success(ms * 1_000_000L, 100));
    }
    return results;
  }

  @Test
  void percentilesAreNearestRankOverAnsweredCalls() {
    List<CallResult> results = new ArrayList<>();
    for (int ms = 100; ms >= 1; ms--) {
      results.add(CallResult.success(ms * 1_000_000L, 0));
    }
    SimulationReport report = SimulationReport.of(results);
    assertThat(report.setupPercentileMillis(50)).isEqualTo(50.0);
    assertThat(report.setupPercentileMillis(95)).isEqualTo(95.0);
    assertThat(report.setupPercentileMillis(99)).isEqualTo(99.0);
    assertThat(report.setupPercentileMillis(100)).isEqualTo(100.0);
  }

  @Test
  void aSingleCallIsEveryPercentile() {
    SimulationReport report = SimulationReport.of(answeredInMillis(7));
    assertThat(report.setupPercentileMillis(50)).isEqualTo(7.0);
    assertThat(report.setupPercentileMillis(99)).isEqualTo(7.0);
  }

  @Test
  void failuresAreCountedByReasonAndUnansweredCallsHaveNoSetupTime() {
    List<CallResult> results = answeredInMillis(3, 5);
    results.add(CallResult.failed(false, "503", -1, 0, "SIP/2.0 503"));
    results.add(CallResult.failed(false, "503", -1, 0, "SIP/2.0 503"));
    results.add(CallResult.failed(false, "timeout", -1, 0, "no answer"));
    results.add(CallResult.failed(true, "BYE 481", 4_000_000, 50, "SIP/2.0 481"));
    SimulationReport report = SimulationReport.of(results);
    assertThat(report.attempted()).isEqualTo(6);
    assertThat(report.answered()).isEqualTo(3);
    assertThat(report.succeeded()).isEqualTo(2);
    assertThat(report.failed()).isEqualTo(4);
    assertThat(report.failuresByReason())
        .containsEntry("503", 2)
        .containsEntry("timeout", 1)
        .containsEntry("BYE 481", 1);
    assertThat(report.setupNanosSorted()).containsExactly(3_000_000L, 4_000_000L, 5_000_000L);
    assertThat(report.packetsSent()).isEqualTo(250);
    assertThat(report.allSucceeded()).isFalse();
  }

  @Test
  void theRunPassesOnlyWhenEveryCallSucceeded() {
    assertThat(SimulationReport.of(answeredInMillis(1, 2)).allSucceeded()).isTrue();
    assertThat(SimulationReport.of(List.of()).allSucceeded()).isFalse();
  }

  @Test
  void theRenderedReportSaysWhatWasSentAndTheVerdict() {
    String text = SimulationReport.of(answeredInMillis(2, 4)).render();
    assertThat(text)
        .contains("calls attempted   2")
        .contains("calls answered    2")
        .contains("packets sent      200")
        .contains("p50 2.0")
        .contains("result: PASS");
  }

  @Test
  void noAnsweredCallRendersWithoutPercentiles() {
    String text =
        SimulationReport.of(List.of(CallResult.failed(false, "403", -1, 0, "x"))).render();
    assertThat(text).contains("n/a").contains("403").contains("result: FAIL");
  }
}
