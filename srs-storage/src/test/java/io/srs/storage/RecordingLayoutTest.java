package io.srs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.session.RecordingId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordingLayoutTest {

  @Test
  void recordingPathUsesTheUtcDateOfCreation() {
    RecordingId id = new RecordingId("20261231T233000Z-3f9a1c2b7d04e5a6");

    // 23:30 UTC on New Year's Eve is already 1 January in Berlin: the UTC date wins.
    assertThat(RecordingLayout.recordingPath(id, Instant.parse("2026-12-31T23:30:00Z")))
        .isEqualTo("2026/12/31/20261231T233000Z-3f9a1c2b7d04e5a6");
  }

  @Test
  void trackWithoutLabelIsNamedByIndexOnly() {
    assertThat(RecordingLayout.trackFileName(0, null)).isEqualTo("track-0.wav");
    assertThat(RecordingLayout.trackFileName(3, "")).isEqualTo("track-3.wav");
  }

  @Test
  void safeLabelIsKeptAsSent() {
    assertThat(RecordingLayout.trackFileName(1, "caller-leg_1.A"))
        .isEqualTo("track-1-caller-leg_1.A.wav");
  }

  @Test
  void pathTraversalInALabelCannotLeaveTheDirectory() {
    assertThat(RecordingLayout.trackFileName(0, "../../etc")).isEqualTo("track-0-.._.._etc.wav");
    assertThat(RecordingLayout.trackFileName(0, "..\\..\\x")).isEqualTo("track-0-.._.._x.wav");
  }

  @Test
  void unsafeCharactersBecomeUnderscoresOnePerCodePoint() {
    assertThat(RecordingLayout.sanitiseLabel("a b/c\u0000d\u00e9\ud83d\ude00"))
        .isEqualTo("a_b_c_d__");
  }

  @Test
  void longLabelsAreCutToThirtyTwoCharacters() {
    String label = "x".repeat(100);

    assertThat(RecordingLayout.sanitiseLabel(label)).hasSize(RecordingLayout.MAX_LABEL_CHARS);
  }

  @Test
  void metadataVersionsAreZeroPadded() {
    assertThat(RecordingLayout.metadataFileName(1)).isEqualTo("metadata-001.xml");
    assertThat(RecordingLayout.metadataFileName(42)).isEqualTo("metadata-042.xml");
    assertThatThrownBy(() -> RecordingLayout.metadataFileName(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
