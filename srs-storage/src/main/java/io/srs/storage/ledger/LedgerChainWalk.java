package io.srs.storage.ledger;

import io.srs.storage.ledger.LedgerProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the ledger from its first line and recomputes the chain: each entry's hash over its own
 * bytes, its {@code prev} against the entry before, its {@code seq} one more. Collects the
 * recording entries and a problem per fault. Read-only.
 */
final class LedgerChainWalk {

  /** A recording entry and the line it is on. */
  record Ledgered(LedgerEntry entry, long line) {}

  /** A line that is not an intact entry, waiting to learn whether a tear entry accounts for it. */
  private record Bad(LedgerLines.Line line, LedgerEntry parsed, String reason) {}

  final Map<String, Ledgered> recordings = new LinkedHashMap<>();
  final List<LedgerProblem> problems = new ArrayList<>();
  long entries;
  long lines;
  long end;
  private final Path file;
  private String head = LedgerEntry.GENESIS;
  private long seq;
  private long headLine;
  private final List<Bad> pending = new ArrayList<>();

  LedgerChainWalk(Path file) {
    this.file = file;
  }

  /** The last intact entry's hash. */
  String head() {
    return head;
  }

  /** Walks the whole file as it is now. */
  LedgerChainWalk walk() throws IOException {
    if (!Files.exists(file)) {
      return this;
    }
    try (LedgerLines reader = LedgerLines.open(file, 0)) {
      for (LedgerLines.Line line = reader.next(); line != null; line = reader.next()) {
        lines = line.number();
        take(line);
      }
      end = reader.position();
    }
    flushPending();
    return this;
  }

  private void take(LedgerLines.Line line) throws IOException {
    if (!line.terminated()) {
      pending.add(new Bad(line, null, "unterminated last line"));
      return;
    }
    LedgerEntry.Read read;
    try {
      read = LedgerEntry.parse(line.text());
    } catch (LedgerEntry.FormatException e) {
      pending.add(new Bad(line, null, "not a ledger entry: " + e.getMessage()));
      return;
    }
    LedgerEntry entry = read.entry();
    if (!read.intact()) {
      pending.add(
          new Bad(
              line, entry, "entryHash does not match the line's content: the entry was edited"));
      return;
    }
    entries++;
    if (entry.type() == LedgerEntry.Type.TEAR && tearMatches(entry, line)) {
      for (Bad bad : pending) {
        problems.add(
            new LedgerProblem(
                Kind.TORN,
                "line "
                    + bad.line().number()
                    + ": "
                    + bad.line().length()
                    + " byte(s) a crash left unreadable ("
                    + bad.reason()
                    + "), kept and recorded by the tear entry at line "
                    + line.number()
                    + " (seq "
                    + entry.seq()
                    + ")"));
      }
      pending.clear();
    } else if (entry.type() == LedgerEntry.Type.TEAR) {
      problems.add(
          new LedgerProblem(
              Kind.CHAIN,
              "line "
                  + line.number()
                  + ": tear entry (seq "
                  + entry.seq()
                  + ") does not match the bytes before it"));
    }
    flushPending();
    checkLink(entry, line.number());
    head = entry.entryHash();
    seq = entry.seq();
    headLine = line.number();
    if (entry.type() == LedgerEntry.Type.RECORDING) {
      ledger(entry, line.number());
    }
  }

  private boolean tearMatches(LedgerEntry tear, LedgerLines.Line line) throws IOException {
    if (pending.isEmpty() || tear.tornOffset() != pending.get(0).line().offset()) {
      return false;
    }
    long tornEnd = tear.tornOffset() + tear.tornBytes();
    if (tornEnd != line.offset() && tornEnd != line.offset() - 1) {
      return false;
    }
    return LedgerWriter.sha256Of(file, tear.tornOffset(), tear.tornBytes())
        .equals(tear.tornSha256());
  }

  /** Every waiting bad line is a problem of its own; an edited entry still names its recording. */
  private void flushPending() {
    for (Bad bad : pending) {
      long number = bad.line().number();
      if (bad.parsed() == null) {
        problems.add(
            new LedgerProblem(
                bad.line().terminated() ? Kind.CHAIN : Kind.TORN,
                "line "
                    + number
                    + ": "
                    + bad.reason()
                    + (bad.line().terminated()
                        ? ""
                        : " ("
                            + bad.line().length()
                            + " bytes: a write cut by a crash, recorded as a tear at the next"
                            + " start, or an append in progress)")));
        continue;
      }
      LedgerEntry entry = bad.parsed();
      problems.add(
          new LedgerProblem(
              Kind.CHAIN,
              "line " + number + " (seq " + entry.seq() + describe(entry) + "): " + bad.reason()));
      // The next entry chains from what this one states; do not report the same fault twice.
      head = entry.entryHash();
      seq = entry.seq();
      headLine = number;
      if (entry.type() == LedgerEntry.Type.RECORDING) {
        ledger(entry, number);
      }
    }
    pending.clear();
  }

  private void checkLink(LedgerEntry entry, long number) {
    List<String> faults = new ArrayList<>();
    if (!entry.prev().equals(head)) {
      faults.add(
          headLine == 0
              ? "prev is not the genesis hash (64 zeros) though no entry precedes it"
              : "prev is not the entryHash of line " + headLine + " (seq " + seq + ")");
    }
    if (entry.seq() != seq + 1) {
      faults.add("seq " + entry.seq() + " follows seq " + seq);
    }
    if (!faults.isEmpty()) {
      problems.add(
          new LedgerProblem(
              Kind.CHAIN,
              "line "
                  + number
                  + " (seq "
                  + entry.seq()
                  + describe(entry)
                  + "): chain broken: "
                  + String.join("; ", faults)
                  + " (an entry removed, reordered, inserted or edited)"));
    }
  }

  private void ledger(LedgerEntry entry, long number) {
    Ledgered earlier = recordings.putIfAbsent(entry.recordingId(), new Ledgered(entry, number));
    if (earlier != null) {
      problems.add(
          new LedgerProblem(
              Kind.DUPLICATE,
              "recording "
                  + entry.recordingId()
                  + " is entered at lines "
                  + earlier.line()
                  + " and "
                  + number));
    }
  }

  private static String describe(LedgerEntry entry) {
    return entry.type() == LedgerEntry.Type.RECORDING
        ? ", recording " + entry.recordingId()
        : ", " + entry.type().wire();
  }
}
