package io.srs.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.session.EndReason;
import io.srs.storage.sidecar.SidecarWriter;
import org.junit.jupiter.api.Test;

/** One status rule for the sidecar and the index. */
class RecordingStatusTest {

  @Test
  void onlyAnEndOnOurSideOrAnUnknownEndIsIncomplete() {
    assertThat(RecordingStatus.of(EndReason.SHUTDOWN)).isEqualTo(RecordingStatus.INCOMPLETE);
    assertThat(RecordingStatus.of(EndReason.ERROR)).isEqualTo(RecordingStatus.INCOMPLETE);
    assertThat(RecordingStatus.of(null)).isEqualTo(RecordingStatus.INCOMPLETE);
    assertThat(RecordingStatus.of(EndReason.MEDIA_TIMEOUT)).isEqualTo(RecordingStatus.COMPLETE);
    assertThat(RecordingStatus.of(EndReason.BYE).value()).isEqualTo("complete");
  }

  @Test
  void theSidecarFilesEveryEndReasonUnderTheSameStatus() {
    for (EndReason reason : EndReason.values()) {
      assertThat(SidecarWriter.status(reason)).isEqualTo(RecordingStatus.of(reason).value());
    }
    assertThat(SidecarWriter.status(null)).isEqualTo("incomplete");
  }
}
