package io.srs.daemon.cli;

import io.srs.core.port.RecordingIndex;
import io.srs.daemon.SrsDaemon;
import io.srs.daemon.config.ConfigException;
import io.srs.daemon.config.SrsConfig;
import io.srs.daemon.log.LogFormat;
import io.srs.daemon.log.RecordingEventLogger;
import io.srs.storage.fs.RecoveryPass;
import io.srs.storage.fs.StorageSettings;
import io.srs.storage.ledger.LedgerWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code srs recover}: the start-up recovery pass, offline. Finalises every recording a stopped
 * process left in flight (no {@code metadata.json}) as {@code srs run} does before it answers
 * calls. Only while the recorder is stopped: a running recorder's calls in progress look the same
 * on disk, so the command refuses when the SIP port is taken.
 */
@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description =
        "Finalise recordings left in flight by a stopped recorder (status incomplete), as srs run"
            + " does at start-up. Run it only while the recorder is stopped.")
public final class RecoverCommand implements Callable<Integer> {

  /** Exit status when a recording could not be recovered, or the recorder seems to run. */
  public static final int EXIT_FAILED = 1;

  @Spec CommandSpec spec;

  @Mixin VaultOptions vault;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SrsConfig loaded;
    try {
      loaded = vault.load();
      LogFormat.select(loaded.logging().format(), System.getProperty("logback.configurationFile"));
    } catch (ConfigException e) {
      err.println("srs: " + e.getMessage());
      return RunCommand.EXIT_CONFIG;
    } catch (Exception e) {
      err.println("srs: cannot set up logging.format: " + e);
      return RunCommand.EXIT_CONFIG;
    }
    if (recorderRunning(loaded)) {
      err.println(
          "srs: sip.port "
              + loaded.sip().port()
              + " on "
              + loaded.sip().bind()
              + " is in use: a recorder seems to be running, and its calls in progress would be"
              + " taken for lost. Stop it first (srs run recovers at start-up anyway).");
      return EXIT_FAILED;
    }
    StorageSettings storage = SrsDaemon.storageSettings(loaded);
    RecoveryPass.Report report;
    try (RecordingIndex index = SrsDaemon.openIndex(loaded)) {
      LedgerWriter ledger = LedgerWriter.open(storage.root(), Clock.systemUTC());
      report =
          SrsDaemon.recoveryPass(loaded, storage, index, ledger, new RecordingEventLogger()).run();
    } catch (IOException e) {
      err.println("srs: " + e.getMessage());
      return EXIT_FAILED;
    }
    out.printf(
        "recovery of %s: %d recording(s) looked at, %d recovered, %d could not be (see the log),"
            + " %d ms%n",
        storage.root(),
        report.scanned(),
        report.recovered().size(),
        report.failed(),
        report.took().toMillis());
    out.flush();
    return report.failed() == 0 ? 0 : EXIT_FAILED;
  }

  /** True when the configured SIP UDP port cannot be bound: a recorder probably holds it. */
  private static boolean recorderRunning(SrsConfig config) {
    try (DatagramSocket probe = new DatagramSocket(null)) {
      probe.bind(
          new InetSocketAddress(InetAddress.getByName(config.sip().bind()), config.sip().port()));
      return false;
    } catch (BindException e) {
      return true;
    } catch (IOException e) {
      return false; // another reason (address not local): nothing says a recorder runs here
    }
  }
}
