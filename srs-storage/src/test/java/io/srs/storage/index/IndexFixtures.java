package io.srs.storage.index;

import io.srs.core.metadata.DataMode;
import io.srs.core.metadata.MetadataSession;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.StoredRecording;
import io.srs.core.port.StoredRecording.StoredTrack;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Summaries of finished calls, as the finaliser hands them to the index. */
final class IndexFixtures {
  static final Instant ANSWERED = Instant.parse("2026-11-25T18:50:46.135Z");
  static final Instant MEDIA = Instant.parse("2026-11-25T18:50:46.300Z");
  static final Instant ENDED = Instant.parse("2026-11-25T18:51:41.810Z");

  private IndexFixtures() {}

  /** The n-th recording id of the day: ids sort in n order. */
  static RecordingId id(int n) {
    return new RecordingId(String.format(Locale.ROOT, "20261125T185046Z-%016x", n));
  }

  static Map<String, String> fields(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A call answered at {@link #ANSWERED}, media from {@code media} (null: none), 55.51 s long. */
  static RecordingSummary summary(
      RecordingId id,
      Instant media,
      EndReason endReason,
      String groupId,
      Map<String, String> fields,
      List<String> missingFields) {
    return summary(id, media, endReason, groupId, RecordingMetadata.EMPTY, fields, missingFields);
  }

  static RecordingSummary summary(
      RecordingId id,
      Instant media,
      EndReason endReason,
      String groupId,
      RecordingMetadata metadata,
      Map<String, String> fields,
      List<String> missingFields) {
    return new RecordingSummary(
        id,
        "call-" + id.value() + "@src.example.com",
        "sip:src@sbc.example.com",
        "sip:srs@recorder.example.com",
        ANSWERED.minusMillis(15),
        ANSWERED,
        media,
        ENDED,
        endReason,
        Duration.ofMillis(55_510),
        metadata,
        List.of(),
        List.of(),
        fields,
        missingFields,
        groupId,
        List.of(),
        List.of());
  }

  /** A plain BYE-ended call with media, no group and the given fields. */
  static RecordingSummary summary(RecordingId id, Instant media, Map<String, String> fields) {
    return summary(id, media, EndReason.BYE, null, fields, List.of());
  }

  /** Metadata whose session refers to a group (RFC 7865 §6.3 {@code group-ref}). */
  static RecordingMetadata metadataInGroup(String groupRef) {
    return new RecordingMetadata(
        DataMode.COMPLETE,
        List.of(new MetadataSession("c2Vzcw==", List.of(), groupRef)),
        List.of(),
        List.of(),
        List.of());
  }

  static StoredRecording stored(RecordingId id) {
    return new StoredRecording(
        id,
        "/vault/2026/11/25/" + id.value(),
        "metadata.json",
        List.of(new StoredTrack(0, "1", "track-0-1.wav", 444_124, 444_080, "ab".repeat(32))));
  }
}
