package io.srs.core.metadata;

import static io.srs.core.metadata.Documents.recording;
import static io.srs.core.metadata.Transfers.INITIAL;
import static io.srs.core.metadata.Transfers.ORIGIN;
import static io.srs.core.metadata.Transfers.at;
import static io.srs.core.metadata.Transfers.offset;
import static io.srs.core.metadata.Transfers.participant;
import static io.srs.core.metadata.Transfers.streams;
import static io.srs.core.metadata.Transfers.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.metadata.ParticipationTimeline.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per track, who was on it when: the three shapes of a transfer (RFC 8068) and the fallbacks. */
class ParticipationTimelineTest {
  private final MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);
  private final List<MetadataSnapshot> history = new ArrayList<>();
  private RecordingMetadata merged;

  private void arrives(double seconds, String children) throws MetadataException {
    merged = MetadataMerger.merge(merged, parser.parse(recording(children)));
    history.add(new MetadataSnapshot(history.size() + 1, at(seconds), merged));
  }

  private List<String> spans(String label) {
    List<String> spans = new ArrayList<>();
    for (Span span : ParticipationTimeline.forLabel(history, label, ORIGIN)) {
      spans.add(span.participant().id() + " " + seconds(span.from()) + "-" + seconds(span.to()));
    }
    return spans;
  }

  private static String seconds(Duration duration) {
    return duration == null ? "end" : String.valueOf(duration.toMillis() / 1000.0);
  }

  @Test
  void aPartialUpdateTransfersTheAgentsTrackAtTheTimesItGives() throws MetadataException {
    arrives(-0.5, INITIAL);
    arrives(
        95.8,
        "<datamode>partial</datamode>"
            + participant("B")
            + streams("A", "s2", "s1", time("disassociate", 95.3))
            + streams("B", "s2", "s1", time("associate", 95.3)));

    assertThat(spans("2")).containsExactly("A 0.0-95.3", "B 95.3-end");
    assertThat(spans("1")).containsExactly("C 0.0-end");
  }

  @Test
  void aSessionDisassociationTransfersTheTrackAsInRfc8068() throws MetadataException {
    arrives(-0.5, INITIAL);
    arrives(
        95.8,
        "<datamode>partial</datamode>"
            + participant("B")
            + "<participantsessionassoc participant_id='A' session_id='S'>"
            + time("disassociate", 95.3)
            + "</participantsessionassoc>"
            + "<participantsessionassoc participant_id='B' session_id='S'>"
            + time("associate", 95.3)
            + "</participantsessionassoc>"
            + streams("B", "s2", "s1", ""));

    assertThat(spans("2")).containsExactly("A 0.0-95.3", "B 95.3-end");
  }

  @Test
  void aCompleteSnapshotWithoutTimesTransfersAtItsArrival() throws MetadataException {
    arrives(-0.5, INITIAL);
    arrives(
        95.3,
        participant("C")
            + participant("B")
            + "<stream stream_id='s1' session_id='S'><label>1</label></stream>"
            + "<stream stream_id='s2' session_id='S'><label>2</label></stream>"
            + streams("C", "s1", "s2", "")
            + streams("B", "s2", "s1", ""));

    assertThat(spans("2")).containsExactly("A 0.0-95.3", "B 95.3-end");
    assertThat(spans("1")).containsExactly("C 0.0-end");
  }

  @Test
  void aCompleteSnapshotWithTimesTransfersWhenTheTimesSay() throws MetadataException {
    arrives(-0.5, INITIAL);
    arrives(
        96.0,
        participant("C")
            + participant("A")
            + participant("B")
            + "<stream stream_id='s1' session_id='S'><label>1</label></stream>"
            + "<stream stream_id='s2' session_id='S'><label>2</label></stream>"
            + streams("C", "s1", "s2", time("associate", -1))
            + streams("A", "s2", "s1", time("associate", -1) + time("disassociate", 95.3))
            + streams("B", "s2", "s1", time("associate", 95.3)));

    assertThat(spans("2")).containsExactly("A 0.0-95.3", "B 95.3-end");
  }

  @Test
  void timesOutsideTheWindowBetweenVersionsGiveWayToTheArrivalTime() throws MetadataException {
    arrives(-0.5, INITIAL);
    arrives(10, "<datamode>partial</datamode>" + "<session session_id='S'/>");
    arrives(
        95.8,
        "<datamode>partial</datamode>"
            + participant("B")
            + streams(
                "A", "s2", "s1", "<disassociate-time>1970-01-01T00:00:00Z</disassociate-time>")
            + streams("B", "s2", "s1", time("associate", 200)));

    assertThat(spans("2")).containsExactly("A 0.0-95.8", "B 95.8-end");
  }

  @Test
  void aSenderDroppedWithoutTimesLeavesWhenTheVersionArrived() throws MetadataException {
    arrives(-0.5, INITIAL);
    arrives(42, "<datamode>partial</datamode>" + streams("A", null, "s1", ""));

    assertThat(spans("2")).containsExactly("A 0.0-42.0");
  }

  @Test
  void aParticipantWhoComesBackHasTwoSpans() throws MetadataException {
    arrives(-0.5, INITIAL);
    arrives(
        31,
        "<datamode>partial</datamode>"
            + participant("B")
            + streams("A", "s2", "s1", time("disassociate", 30))
            + streams("B", "s2", "s1", time("associate", 30)));
    arrives(
        61,
        "<datamode>partial</datamode>"
            + streams("B", "s2", "s1", time("disassociate", 60))
            + streams("A", "s2", "s1", time("associate", 60)));

    assertThat(spans("2")).containsExactly("A 0.0-30.0", "B 30.0-60.0", "A 60.0-end");
  }

  @Test
  void aLabelNoStreamCarriesHasNoSpans() throws MetadataException {
    arrives(-0.5, INITIAL);

    assertThat(spans("9")).isEmpty();
  }

  @Test
  void metadataThatArrivedBeforeTheMediaAppliesFromTheStart() throws MetadataException {
    arrives(-30, INITIAL);

    assertThat(spans("1")).containsExactly("C 0.0-end");
  }

  @Test
  void spansAreOffsetsFromTheOriginGiven() throws MetadataException {
    arrives(-0.5, INITIAL);
    arrives(
        12.5, "<datamode>partial</datamode>" + streams("A", "s2", "s1", time("disassociate", 12)));

    assertThat(ParticipationTimeline.forLabel(history, "2", at(2)))
        .containsExactly(
            new Span(merged.participant("A").orElseThrow(), Duration.ZERO, offset(10)));
  }
}
