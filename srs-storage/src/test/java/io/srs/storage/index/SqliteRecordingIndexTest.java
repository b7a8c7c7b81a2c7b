package io.srs.storage.index;

import static io.srs.storage.index.IndexFixtures.ANSWERED;
import static io.srs.storage.index.IndexFixtures.ENDED;
import static io.srs.storage.index.IndexFixtures.MEDIA;
import static io.srs.storage.index.IndexFixtures.fields;
import static io.srs.storage.index.IndexFixtures.id;
import static io.srs.storage.index.IndexFixtures.metadataInGroup;
import static io.srs.storage.index.IndexFixtures.stored;
import static io.srs.storage.index.IndexFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.port.IndexedRecording;
import io.srs.core.port.RecordingSummary;
import io.srs.core.session.EndReason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adding and finding recordings in a real SQLite file. */
class SqliteRecordingIndexTest {
  private static final Instant NOW = Instant.parse("2026-11-25T18:51:42.500Z");

  @TempDir Path dir;
  private SqliteRecordingIndex index;

  @BeforeEach
  void open() throws IOException {
    index = SqliteRecordingIndex.open(dir.resolve("index.db"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  @Test
  void anAddedRecordingIsFoundByIdWithEveryColumn() throws IOException {
    RecordingSummary summary =
        summary(
            id(1),
            MEDIA,
            EndReason.BYE,
            "group-7",
            fields("agentId", "agent42", "ani", "+15551230001"),
            List.of("conversationId"));
    index.add(summary, stored(id(1)));

    IndexedRecording found = index.byId(id(1)).orElseThrow();

    assertThat(found)
        .isEqualTo(
            new IndexedRecording(
                id(1),
                "call-" + id(1).value() + "@src.example.com",
                "group-7",
                MEDIA,
                ENDED,
                55_510,
                "bye",
                "/vault/2026/11/25/" + id(1).value(),
                "complete",
                false,
                Map.of("agentId", "agent42", "ani", "+15551230001")));
  }

  @Test
  void anUnknownIdIsNotFound() throws IOException {
    assertThat(index.byId(id(404))).isEmpty();
  }

  @Test
  void aRecordingWithoutMissingFieldsCountsAsMetadataMatched() throws IOException {
    index.add(summary(id(1), MEDIA, fields("agentId", "a")), stored(id(1)));

    assertThat(index.byId(id(1)).orElseThrow().metadataMatched()).isTrue();
  }

  @Test
  void startedAtIsTheAnswerTimeWhenMediaNeverStarted() throws IOException {
    index.add(summary(id(1), null, Map.of()), stored(id(1)));

    assertThat(index.byId(id(1)).orElseThrow().startedAt()).isEqualTo(ANSWERED);
  }

  @Test
  void timesKeepMillisecondPrecision() throws IOException {
    index.add(summary(id(1), MEDIA.plusNanos(999_999), Map.of()), stored(id(1)));

    assertThat(index.byId(id(1)).orElseThrow().startedAt()).isEqualTo(MEDIA);
  }

  @Test
  void theGroupIdFallsBackToTheMetadataGroupLikeTheSidecar() throws IOException {
    RecordingSummary summary =
        summary(id(1), MEDIA, EndReason.BYE, null, metadataInGroup("g-meta"), Map.of(), List.of());
    index.add(summary, stored(id(1)));

    assertThat(index.byId(id(1)).orElseThrow().groupId()).isEqualTo("g-meta");
  }

  @Test
  void addingTheSameIdAgainReplacesTheRowAndItsFields() throws IOException {
    index.add(
        summary(
            id(1), MEDIA, EndReason.SHUTDOWN, "g1", fields("agentId", "a1", "ani", "1"), List.of()),
        stored(id(1)));
    index.add(
        summary(id(1), MEDIA, EndReason.BYE, "g2", fields("agentId", "a2"), List.of()),
        stored(id(1)));

    IndexedRecording found = index.byId(id(1)).orElseThrow();
    assertThat(found.status()).isEqualTo("complete");
    assertThat(found.groupId()).isEqualTo("g2");
    assertThat(found.fields()).isEqualTo(Map.of("agentId", "a2"));
    assertThat(index.byField("agentId", "a1", 10)).isEmpty();
    assertThat(index.byField("ani", "1", 10)).isEmpty();
  }

  @Test
  void twoLegsOfATransferSharingAGroupIdAreFoundOldestFirst() throws IOException {
    // BYE on the first leg, then a new INVITE for the second, linked by group id (RFC 7865 §6.2).
    index.add(
        summary(id(2), MEDIA.plusSeconds(96), EndReason.BYE, "call-group", Map.of(), List.of()),
        stored(id(2)));
    index.add(
        summary(id(1), MEDIA, EndReason.BYE, "call-group", Map.of(), List.of()), stored(id(1)));
    index.add(
        summary(id(3), MEDIA.plusSeconds(10), EndReason.BYE, "other", Map.of(), List.of()),
        stored(id(3)));

    assertThat(index.byGroup("call-group"))
        .extracting(IndexedRecording::id)
        .containsExactly(id(1), id(2));
  }

  @Test
  void byFieldFindsTheNewestFirstUpToTheLimit() throws IOException {
    for (int n = 1; n <= 5; n++) {
      index.add(
          summary(id(n), MEDIA.plusSeconds(60L * n), fields("agentId", "agent42")), stored(id(n)));
    }
    index.add(summary(id(6), MEDIA.plusSeconds(999), fields("agentId", "agent7")), stored(id(6)));

    assertThat(index.byField("agentId", "agent42", 3))
        .extracting(IndexedRecording::id)
        .containsExactly(id(5), id(4), id(3));
  }

  @Test
  void byFieldMatchesNameAndValueExactly() throws IOException {
    index.add(summary(id(1), MEDIA, fields("ani", "+15551230001")), stored(id(1)));

    assertThat(index.byField("dnis", "+15551230001", 10)).isEmpty();
    assertThat(index.byField("ani", "+1555123000", 10)).isEmpty();
    assertThat(index.byField("ani", "+15551230001", 10)).hasSize(1);
  }

  @Test
  void aValueShapedLikeSqlIsJustAValue() throws IOException {
    String hostile = "x' OR '1'='1";
    index.add(summary(id(1), MEDIA, fields("agentId", hostile)), stored(id(1)));
    index.add(summary(id(2), MEDIA, fields("agentId", "other")), stored(id(2)));

    assertThat(index.byField("agentId", hostile, 10))
        .extracting(IndexedRecording::id)
        .containsExactly(id(1));
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> index.byField("agentId", "a", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }

  @ParameterizedTest
  @CsvSource({
    "BYE, complete",
    "CANCEL, complete",
    "NO_ACK, complete",
    "MEDIA_TIMEOUT, complete",
    "SESSION_EXPIRED, complete",
    "SHUTDOWN, incomplete",
    "ERROR, incomplete",
    ", incomplete"
  })
  void theStatusFollowsTheSidecarRule(EndReason reason, String status) throws IOException {
    index.add(summary(id(1), MEDIA, reason, null, Map.of(), List.of()), stored(id(1)));

    assertThat(index.byId(id(1)).orElseThrow().status()).isEqualTo(status);
  }

  @Test
  void aSummaryAndStoredRecordingOfDifferentIdsAreRefused() {
    assertThatThrownBy(() -> index.add(summary(id(1), MEDIA, Map.of()), stored(id(2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(id(1).value())
        .hasMessageContaining(id(2).value());
  }

  @Test
  void aClosedIndexRefusesCallsNamingItsFile() throws IOException {
    index.close();
    index.close(); // idempotent

    assertThatThrownBy(() -> index.byId(id(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(dir.resolve("index.db").toString())
        .hasMessageContaining("closed");
  }
}
