package io.srs.daemon.cli;

import io.srs.daemon.config.ConfigException;
import io.srs.daemon.config.SrsConfig;
import io.srs.storage.ledger.LedgerProblem;
import io.srs.storage.ledger.LedgerVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code srs verify}: proves the vault is as it was finalised (DESIGN.md "Tamper evidence"). Walks
 * the ledger, recomputes its hash chain, re-hashes every ledgered recording's {@code metadata.json}
 * and each file it lists, and names finalised recordings the ledger lacks. Prints one line per
 * problem, then a summary. Read-only; safe while the recorder runs.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Check the vault against its ledger: chain, metadata.json and every file each one lists."
            + " Read-only; safe while the recorder runs. Exit 0 when intact, "
            + VerifyCommand.EXIT_PROBLEMS
            + " when anything is missing, changed, torn or unledgered.")
public final class VerifyCommand implements Callable<Integer> {

  /** Exit status when the vault could not be read (an I/O error, not a finding). */
  public static final int EXIT_FAILED = 1;

  /** Exit status when verify found a problem: distinct from failing to run (1) or usage (2). */
  public static final int EXIT_PROBLEMS = 3;

  /** How long a recording seen finalising may take to appear in the ledger. */
  static final Duration SETTLE = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  @Mixin VaultOptions vault;

  @Option(
      names = "--recording",
      paramLabel = "ID",
      description = "Check only this recording's files (the whole chain is still walked).")
  String recordingId;

  @Option(
      names = "--since",
      paramLabel = "YYYY-MM-DD",
      description =
          "Check only recordings filed on or after this UTC day, e.g. after deleting older days"
              + " past retention (the whole chain is still walked).")
  String since;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SrsConfig loaded;
    try {
      loaded = vault.load();
    } catch (ConfigException e) {
      err.println("srs: " + e.getMessage());
      return RunCommand.EXIT_CONFIG;
    }
    LocalDate from;
    try {
      from = since == null ? null : LocalDate.parse(since);
    } catch (DateTimeParseException e) {
      err.println("srs: --since must be a day, YYYY-MM-DD: " + since);
      return 2;
    }
    Path root = loaded.storage().path().toAbsolutePath().normalize();
    LedgerVerifier.Report report;
    try {
      report =
          new LedgerVerifier().verify(root, new LedgerVerifier.Options(recordingId, from, SETTLE));
    } catch (IOException | RuntimeException e) {
      err.println("srs: cannot verify " + root + ": " + e);
      return EXIT_FAILED;
    }
    for (LedgerProblem problem : report.problems()) {
      out.println(problem.line());
    }
    out.printf(
        "verify of %s: %d ledger entries, %d recording(s), %d file(s) checked, %d bytes hashed,"
            + " %d problem(s)%n",
        root,
        report.entries(),
        report.recordings(),
        report.filesChecked(),
        report.bytesHashed(),
        report.problems().size());
    out.printf("chain head: %s%n", report.head());
    out.println(report.intact() ? "result: INTACT" : "result: PROBLEMS FOUND");
    out.flush();
    return report.intact() ? 0 : EXIT_PROBLEMS;
  }
}
