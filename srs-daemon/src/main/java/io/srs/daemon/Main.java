package io.srs.daemon;

import io.srs.daemon.cli.RecoverCommand;
import io.srs.daemon.cli.RunCommand;
import io.srs.daemon.cli.VerifyCommand;
import io.srs.daemon.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code srs}: the recorder's command line. {@code srs run} starts the daemon; {@code srs simulate}
 * places test SIPREC calls at one; {@code srs recover} finalises what a stopped recorder left in
 * flight; {@code srs verify} checks the vault against its ledger.
 */
@Command(
    name = "srs",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "SIPREC Session Recording Server (RFC 7866).",
    subcommands = {
      RunCommand.class,
      SimulateCommand.class,
      RecoverCommand.class,
      VerifyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    int exit = new CommandLine(new Main()).execute(args);
    if (exit != RunCommand.EXIT_SIGNALLED) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
