package io.srs.storage.stereo;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AudioEncoding;
import io.srs.core.metadata.NameId;
import io.srs.core.metadata.Participant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StereoPlannerTest {
  private static final Participant CALLER =
      new Participant(
          "c",
          List.of(new NameId("sip:+1 (555) 123-0001@carrier.example;user=phone", "Caller", null)));
  private static final Participant AGENT =
      new Participant("a", List.of(new NameId("sip:agent42@cc.example", "Agent", null)));

  private final StereoPlanner planner = new StereoPlanner();

  private static StereoTrack track(int index, int rate, Participant... heard) {
    return new StereoTrack(
        index, String.valueOf(index + 1), AudioEncoding.MULAW, rate, List.of(heard));
  }

  @Test
  void withoutAniTheLowerStreamIndexIsChannelZero() {
    StereoPlanner.Result result =
        planner.plan(List.of(track(1, 8000, AGENT), track(0, 8000, CALLER)), null);

    assertThat(result.plan().left().streamIndex()).isZero();
    assertThat(result.plan().right().streamIndex()).isEqualTo(1);
    assertThat(result.plan().order()).isEqualTo(StereoPlan.BY_STREAM_INDEX);
  }

  @Test
  void theCallersTrackIsChannelZeroWhateverItsIndex() {
    StereoPlanner.Result result =
        planner.plan(List.of(track(0, 8000, AGENT), track(1, 8000, CALLER)), "+15551230001");

    assertThat(result.plan().left().streamIndex()).isEqualTo(1);
    assertThat(result.plan().right().streamIndex()).isZero();
    assertThat(result.plan().order()).isEqualTo(StereoPlan.BY_ANI);
  }

  @Test
  void anAniOnNeitherTrackKeepsStreamIndexOrder() {
    StereoPlanner.Result result =
        planner.plan(List.of(track(0, 8000, AGENT), track(1, 8000, CALLER)), "+4930123456");

    assertThat(result.plan().left().streamIndex()).isZero();
    assertThat(result.plan().order()).isEqualTo(StereoPlan.BY_STREAM_INDEX);
  }

  @Test
  void anAniTooShortToIdentifyAnyoneIsIgnored() {
    Participant extension =
        new Participant("e", List.of(new NameId("sip:12@pbx.example", null, null)));

    StereoPlanner.Result result =
        planner.plan(List.of(track(0, 8000, AGENT), track(1, 8000, extension)), "12");

    assertThat(result.plan().left().streamIndex()).isZero();
  }

  @Test
  void thePairIsTheFirstTwoTracksSharingASampleRate() {
    StereoPlanner.Result result =
        planner.plan(
            List.of(track(0, 8000), track(1, 16000), track(2, 16000), track(3, 8000)), null);

    assertThat(result.plan().left().streamIndex()).isZero();
    assertThat(result.plan().right().streamIndex()).isEqualTo(3);
  }

  @Test
  void tracksOfDifferentRatesAreNotMixed() {
    StereoPlanner.Result result = planner.plan(List.of(track(0, 8000), track(1, 16000)), null);

    assertThat(result.planned()).isFalse();
    assertThat(result.skipped())
        .isEqualTo("no two tracks share a sample rate (track 0: 8000 Hz, track 1: 16000 Hz)");
  }

  @Test
  void oneTrackIsNotEnough() {
    StereoPlanner.Result result = planner.plan(List.of(track(0, 8000)), null);

    assertThat(result.skipped()).isEqualTo("a stereo file needs two tracks, the recording has 1");
  }

  @Test
  void theUserPartOfSipAndTelAddressesIsCompared() {
    assertThat(StereoPlanner.userPart("sip:+15551230001@carrier;user=phone"))
        .isEqualTo("+15551230001");
    assertThat(StereoPlanner.userPart("tel:+1-555-123-0001;phone-context=x"))
        .isEqualTo("+1-555-123-0001");
    assertThat(StereoPlanner.userPart("SIPS:bob@example.com")).isEqualTo("bob");
    assertThat(StereoPlanner.userPart(null)).isEmpty();
  }
}
