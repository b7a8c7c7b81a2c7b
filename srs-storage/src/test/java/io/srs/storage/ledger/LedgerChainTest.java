package io.srs.storage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.session.RecordingId;
import io.srs.storage.integrity.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain itself: it carries on across restarts, an edited, removed or reordered line is named by
 * its line number, and a torn end is kept, recorded and reported, never guessed at.
 */
class LedgerChainTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T09:00:00.123456Z"), ZoneOffset.UTC);
  private static final LedgerVerifier.Options ALL =
      new LedgerVerifier.Options(null, null, Duration.ZERO);

  @TempDir Path root;

  /** A finalised recording with no tracks: a sidecar is all the ledger needs. */
  private RecordingId recording(int n) throws Exception {
    RecordingId id = new RecordingId(String.format("20261126T0900%02dZ-00000000000000%02x", n, n));
    Path directory = Files.createDirectories(root.resolve("2026/11/26").resolve(id.value()));
    Files.writeString(
        directory.resolve("metadata.json"), "{\"recordingId\": \"" + id.value() + "\"}\n");
    return id;
  }

  private void finalise(LedgerWriter ledger, RecordingId id) throws Exception {
    ledger.recordFinalised(id, root.resolve("2026/11/26").resolve(id.value()), "complete");
  }

  private LedgerWriter open() throws Exception {
    return LedgerWriter.open(root, CLOCK);
  }

  private Path ledgerFile() {
    return root.resolve("ledger.jsonl");
  }

  private List<String> lines() throws Exception {
    return Files.readAllLines(ledgerFile());
  }

  private List<String> problems() throws Exception {
    return new LedgerVerifier()
        .verify(root, ALL).problems().stream().map(LedgerProblem::line).toList();
  }

  private void threeRecordings() throws Exception {
    LedgerWriter ledger = open();
    for (int n = 1; n <= 3; n++) {
      finalise(ledger, recording(n));
    }
  }

  @Test
  void theFirstEntryChainsFromZerosAndItsHashFollowsTheTextualRule() throws Exception {
    finalise(open(), recording(1));

    String line = lines().get(0);
    assertThat(line)
        .startsWith("{\"seq\":1,\"type\":\"recording\",\"recordingId\":\"20261126T090001Z-")
        .contains("\"path\":\"2026/11/26/20261126T090001Z-0000000000000001\"")
        .contains("\"finalisedAt\":\"2026-11-26T09:00:00.123Z\"")
        .contains("\"prev\":\"" + "0".repeat(64) + "\"");
    // docs/recording-format.md: cut ,"entryHash":"<hex>" out, prefix prev as hex text, SHA-256.
    int cut = line.lastIndexOf(",\"entryHash\":\"");
    String canonical = line.substring(0, cut) + "}";
    String entryHash = line.substring(cut + 14, cut + 14 + 64);
    assertThat(Sha256.of(("0".repeat(64) + canonical).getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(entryHash);
  }

  @Test
  void theChainCarriesOnAcrossRestarts() throws Exception {
    finalise(open(), recording(1));
    finalise(open(), recording(2));
    LedgerWriter third = open();
    finalise(third, recording(3));

    List<LedgerEntry> entries = new ArrayList<>();
    for (String line : lines()) {
      LedgerEntry.Read read = LedgerEntry.parse(line);
      assertThat(read.intact()).isTrue();
      entries.add(read.entry());
    }
    assertThat(entries).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(entries.get(1).prev()).isEqualTo(entries.get(0).entryHash());
    assertThat(entries.get(2).prev()).isEqualTo(entries.get(1).entryHash());
    assertThat(third.head()).isEqualTo(entries.get(2).entryHash());
    assertThat(problems()).isEmpty();
  }

  @Test
  void anEditedLineIsNamedByItsLineNumber() throws Exception {
    threeRecordings();
    List<String> lines = new ArrayList<>(lines());
    lines.set(1, lines.get(1).replace("\"status\":\"complete\"", "\"status\":\"incomplete\""));
    Files.write(ledgerFile(), lines);

    assertThat(problems())
        .containsExactly(
            "chain: line 2 (seq 2, recording 20261126T090002Z-0000000000000002): entryHash does"
                + " not match the line's content: the entry was edited");
  }

  @Test
  void aRemovedLineBreaksTheChainAndLeavesItsRecordingUnledgered() throws Exception {
    threeRecordings();
    List<String> lines = new ArrayList<>(lines());
    lines.remove(1);
    Files.write(ledgerFile(), lines);

    assertThat(problems())
        .containsExactly(
            "chain: line 2 (seq 3, recording 20261126T090003Z-0000000000000003): chain broken:"
                + " prev is not the entryHash of line 1 (seq 1); seq 3 follows seq 1 (an entry"
                + " removed, reordered, inserted or edited)",
            "unledgered: recording 20261126T090002Z-0000000000000002 at"
                + " 2026/11/26/20261126T090002Z-0000000000000002 has a metadata.json but no ledger"
                + " entry");
  }

  @Test
  void reorderedLinesAreEachNamed() throws Exception {
    threeRecordings();
    List<String> lines = new ArrayList<>(lines());
    lines.add(1, lines.remove(2));
    Files.write(ledgerFile(), lines);

    List<String> problems = problems();
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .startsWith("chain: line 2 (seq 3, ")
        .contains("seq 3 follows seq 1");
    assertThat(problems.get(1))
        .startsWith("chain: line 3 (seq 2, ")
        .contains("seq 2 follows seq 3");
  }

  @Test
  void aTornLastLineIsKeptRecordedByATearEntryAndReportedWhileTheChainGoesOn() throws Exception {
    LedgerWriter ledger = open();
    finalise(ledger, recording(1));
    RecordingId cut = recording(2);
    byte[] torn = "{\"seq\":2,\"type\":\"recording\",\"recordingId\":\"2026".getBytes();
    Files.write(ledgerFile(), torn, StandardOpenOption.APPEND); // the crash, mid-append
    long before = Files.size(ledgerFile());

    LedgerWriter restarted = open();
    finalise(restarted, recording(3));

    byte[] file = Files.readAllBytes(ledgerFile());
    assertThat(new String(file, 0, (int) before, StandardCharsets.UTF_8))
        .as("the torn bytes are kept as found")
        .endsWith(new String(torn, StandardCharsets.UTF_8));
    List<String> lines = lines();
    assertThat(lines).hasSize(4);
    LedgerEntry tear = LedgerEntry.parse(lines.get(2)).entry();
    assertThat(tear.type()).isEqualTo(LedgerEntry.Type.TEAR);
    assertThat(tear.seq()).isEqualTo(2);
    assertThat(tear.tornOffset()).isEqualTo(before - torn.length);
    assertThat(tear.tornBytes()).isEqualTo(torn.length);
    assertThat(tear.tornSha256()).isEqualTo(Sha256.of(torn));
    assertThat(tear.prev()).isEqualTo(LedgerEntry.parse(lines.get(0)).entry().entryHash());
    assertThat(LedgerEntry.parse(lines.get(3)).entry().seq()).isEqualTo(3);

    assertThat(problems())
        .containsExactly(
            "torn: line 2: "
                + torn.length
                + " byte(s) a crash left unreadable (not a ledger entry: does not end in"
                + " ,\"entryHash\":\"<64 hex>\"}), kept and recorded by the tear entry at line 3"
                + " (seq 2)",
            "unledgered: recording "
                + cut.value()
                + " at 2026/11/26/"
                + cut.value()
                + " has a metadata.json but no ledger entry");
  }

  @Test
  void aTornEndNotYetRecordedByARestartIsReportedAsTorn() throws Exception {
    finalise(open(), recording(1));
    Files.write(ledgerFile(), "{\"seq\":2,".getBytes(), StandardOpenOption.APPEND);

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith("torn: line 2: unterminated last line (9 bytes: a write cut by a crash");
  }

  @Test
  void aTearEntryThatDoesNotMatchTheBytesBeforeItIsAChainFault() throws Exception {
    LedgerWriter ledger = open();
    finalise(ledger, recording(1));
    Files.write(ledgerFile(), "garbage".getBytes(), StandardOpenOption.APPEND);
    open();
    List<String> lines = new ArrayList<>(lines());
    lines.set(1, "other"); // the torn bytes were rewritten after the tear was recorded
    Files.write(ledgerFile(), lines);

    assertThat(problems())
        .containsExactly(
            "chain: line 3: tear entry (seq 2) does not match the bytes before it",
            "chain: line 2: not a ledger entry: does not end in ,\"entryHash\":\"<64 hex>\"}");
  }

  @Test
  void aNewVaultHasNoLedgerUntilTheFirstRecordingAndVerifiesIntact() throws Exception {
    LedgerWriter ledger = open();

    assertThat(ledgerFile()).doesNotExist();
    assertThat(ledger.seq()).isZero();
    assertThat(new LedgerVerifier().verify(root, ALL).intact()).isTrue();
  }

  @Test
  void aRecordingEnteredWhileVerifyRunsIsNotReportedUnledgered() throws Exception {
    LedgerWriter ledger = open();
    finalise(ledger, recording(1));
    RecordingId finalising = recording(2);
    Path directory = root.resolve("2026/11/26").resolve(finalising.value());
    Files.writeString(
        directory.resolve("inflight.json"), "{}"); // the sidecar is durable, not yet entered
    Thread finaliser =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
                finalise(ledger, finalising);
                Files.delete(directory.resolve("inflight.json"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    finaliser.start();

    LedgerVerifier.Report report =
        new LedgerVerifier()
            .verify(root, new LedgerVerifier.Options(null, null, Duration.ofSeconds(10)));
    finaliser.join();

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void aRecordingLeftFinalisingWithoutAnEntryIsUnledgeredOnceTheSettleTimeIsOver()
      throws Exception {
    finalise(open(), recording(1));
    RecordingId stuck = recording(2);
    Files.writeString(
        root.resolve("2026/11/26").resolve(stuck.value()).resolve("inflight.json"), "{}");

    LedgerVerifier.Report report =
        new LedgerVerifier()
            .verify(root, new LedgerVerifier.Options(null, null, Duration.ofMillis(200)));

    assertThat(report.problems())
        .extracting(LedgerProblem::line)
        .singleElement()
        .asString()
        .startsWith("unledgered: recording " + stuck.value());
  }
}
