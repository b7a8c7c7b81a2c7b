package io.srs.daemon.testing;

import io.srs.daemon.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One {@code srs ...} command run in the test's JVM through the real command line: its exit status
 * and what it printed.
 */
public record CliRun(int exit, String out, String err) {

  /** Runs {@code srs <command> <args>}, e.g. {@code of("verify", "--config", file)}. */
  public static CliRun of(String command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] full = new String[args.length + 1];
    full[0] = command;
    System.arraycopy(args, 0, full, 1, args.length);
    int exit = cli.execute(full);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
