package io.srs.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.srs.core.metadata.NameId;
import io.srs.core.metadata.Participant;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingEvent.TrackParties;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RecordingEventLoggerTest {
  private static final RecordingId ID = new RecordingId("20261125T185046Z-0123456789abcdef");
  private static final List<TrackParties> TRACKS =
      List.of(
          new TrackParties(
              0,
              "1",
              List.of(
                  new Participant(
                      "p1", List.of(new NameId("sip:alice@example.com", "Alice A", null))))));

  private final Logger logger = (Logger) LoggerFactory.getLogger(RecordingEventLogger.LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final RecordingEventLogger events = new RecordingEventLogger();

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
  }

  /** A BYE-ended completion with no flags and no media counts. */
  private static RecordingEvent.Completed completed(
      String callId,
      String location,
      Duration duration,
      Map<String, String> fields,
      String... missing) {
    return new RecordingEvent.Completed(
        ID,
        callId,
        location,
        duration,
        EndReason.BYE,
        TRACKS,
        fields,
        List.of(missing),
        List.of(),
        null,
        List.of(),
        List.of());
  }

  private String line() {
    assertThat(appender.list).hasSize(1);
    return appender.list.get(0).getFormattedMessage();
  }

  @Test
  void startedNamesTheRecordingThePathAndWhoIsOnEachTrack() {
    events.on(new RecordingEvent.Started(ID, "c1@src", "/rec/x", TRACKS));

    assertThat(line())
        .isEqualTo(
            "recording.started id="
                + ID
                + " callId=c1@src path=/rec/x"
                + " track0=\"label=1 sip:alice@example.com(Alice A)\"");
  }

  @Test
  void rejectedNamesTheCallTheStatusAndTheReasonWithoutAnId() {
    events.on(
        new RecordingEvent.Rejected(
            "c9@src", 503, RecordingEvent.RejectReason.DRAINING, "Recorder draining"));

    assertThat(line())
        .isEqualTo(
            "recording.rejected callId=c9@src status=503 reason=draining"
                + " detail=\"Recorder draining\"");
  }

  @Test
  void completedCarriesDurationReasonFieldsAndTheMatchVerdict() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("agentId", "agent-7");
    events.on(completed("c1@src", "/rec/x", Duration.ofMillis(12_340), fields, "conversationId"));

    assertThat(line())
        .startsWith("recording.completed id=" + ID)
        .contains("duration=12.340s", "reason=BYE", "agentId=agent-7")
        .contains("metadataMatched=false", "missing=conversationId");
  }

  @Test
  void updatedPausedAndResumedAreOneLineEach() {
    events.on(new RecordingEvent.Updated(ID, "c1@src", 2, TRACKS));
    events.on(new RecordingEvent.Paused(ID, "c1@src", List.of(0, 1)));
    events.on(new RecordingEvent.Resumed(ID, "c1@src", List.of(0, 1)));

    assertThat(appender.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            updated ->
                assertThat(updated).startsWith("recording.updated").contains("metadataVersion=2"),
            paused -> assertThat(paused).startsWith("recording.paused").contains("streams=[0,1]"),
            resumed -> assertThat(resumed).startsWith("recording.resumed"));
  }

  @Test
  void recoveredIsAWarningNamingTheCallItsLengthAndWhatWasWrong() {
    events.on(
        new RecordingEvent.Recovered(
            ID,
            "c1@src",
            "/rec/x",
            Duration.ofMillis(2_560),
            TRACKS,
            List.of("track-repaired: track-0-1.wav: header said 1 samples, the file holds 2")));

    assertThat(appender.list.get(0).getLevel().toString()).isEqualTo("WARN");
    assertThat(line())
        .startsWith("recording.recovered id=" + ID + " callId=c1@src duration=2.560s")
        .contains("status=incomplete", "path=/rec/x", "track0=\"label=1 sip:alice@example.com")
        .contains("problems=\"track-repaired: track-0-1.wav: header said 1 samples");
  }

  @Test
  void aRecoveredRecordingWhoseCallIdWasLostSaysSo() {
    events.on(
        new RecordingEvent.Recovered(ID, null, "/rec/x", Duration.ZERO, List.of(), List.of()));

    assertThat(line()).contains("callId=\"\"").doesNotContain("problems=");
  }

  @Test
  void failedIsAnErrorWithItsCause() {
    events.on(new RecordingEvent.Failed(ID, "c1@src", "/rec/x", "disk full"));

    assertThat(appender.list.get(0).getLevel().toString()).isEqualTo("ERROR");
    assertThat(line()).contains("cause=\"disk full\"");
  }

  @Test
  void valuesWithQuotesAndNewlinesStayOnOneQuotedLine() {
    StringBuilder line = new StringBuilder("x");

    RecordingEventLogger.field(line, "k", "a \"b\"\nc");

    assertThat(line.toString()).isEqualTo("x k=\"a \\\"b\\\" c\"");
  }

  @Test
  void countersGiveTheMetadataMatchRate() {
    RecordingCounters counters = new RecordingCounters();
    RecordingEvent.Completed matched = completed("c", "/p", Duration.ZERO, Map.of());
    RecordingEvent.Completed unmatched = completed("c", "/p", Duration.ZERO, Map.of(), "agentId");

    counters.on(matched);
    counters.on(matched);
    counters.on(unmatched);
    counters.on(new RecordingEvent.Failed(ID, "c", "/p", "x"));

    assertThat(counters.completed()).isEqualTo(3);
    assertThat(counters.metadataMatched()).isEqualTo(2);
    assertThat(counters.failed()).isEqualTo(1);
    assertThat(counters.metadataMatchRate()).isEqualTo(2.0 / 3);
  }
}
