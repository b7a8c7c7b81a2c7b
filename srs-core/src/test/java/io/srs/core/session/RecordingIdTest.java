package io.srs.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingIdTest {
  private static final Instant T0 = Instant.parse("2026-11-25T18:50:46.789Z");

  @Test
  void generatedIdIsTheUtcSecondAnd16HexDigits() {
    RecordingId id = RecordingId.generate(T0, new Random(1));

    assertThat(id.value()).matches("20261125T185046Z-[0-9a-f]{16}");
    assertThat(id).hasToString(id.value());
  }

  @Test
  void generationIsDeterministicForAGivenRandomSource() {
    assertThat(RecordingId.generate(T0, new Random(7)))
        .isEqualTo(RecordingId.generate(T0, new Random(7)));
  }

  @Test
  void idsOfTheSameSecondDifferByTheirRandomPart() {
    Random random = new Random(3);

    assertThat(RecordingId.generate(T0, random)).isNotEqualTo(RecordingId.generate(T0, random));
  }

  @Test
  void idsSortByCreationTime() {
    Random random = new Random(5);
    List<RecordingId> ids = new ArrayList<>();
    for (int i = 5; i >= 0; i--) {
      ids.add(RecordingId.generate(T0.plusSeconds(i * 3_601L), random));
    }
    List<RecordingId> chronological = new ArrayList<>(ids);
    java.util.Collections.reverse(chronological);
    List<RecordingId> sorted = new ArrayList<>(ids);
    java.util.Collections.sort(sorted);

    assertThat(sorted).containsExactlyElementsOf(chronological);
  }

  @Test
  void aValidIdRoundTripsThroughItsValue() {
    RecordingId id = new RecordingId("20261125T185046Z-3f9a1c2b7d04e5a6");

    assertThat(new RecordingId(id.value())).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "20261125T185046Z",
        "20261125T185046Z-3F9A1C2B7D04E5A6",
        "20261125T185046Z-3f9a1c2b7d04e5a",
        "20261125T185046-3f9a1c2b7d04e5a6",
        "../../etc/passwd",
        "20261125T185046Z-3f9a1c2b7d04e5a6/x"
      })
  void malformedValuesAreRejected(String value) {
    assertThatThrownBy(() -> new RecordingId(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a recording id");
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> new RecordingId(null)).isInstanceOf(NullPointerException.class);
  }
}
