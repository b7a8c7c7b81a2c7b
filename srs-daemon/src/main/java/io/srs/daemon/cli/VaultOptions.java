package io.srs.daemon.cli;

import io.srs.daemon.config.ConfigException;
import io.srs.daemon.config.ConfigLoader;
import io.srs.daemon.config.SrsConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of the commands that work on a stopped or running recorder's vault ({@code srs
 * recover}, {@code srs verify}): the config file, and {@code --recordings} over its {@code
 * storage.path}.
 */
final class VaultOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config file (see config/srs.yaml); storage.path is the vault.")
  Path config;

  @Option(
      names = "--recordings",
      paramLabel = "DIR",
      description = "Where recordings are (storage.path).")
  String recordings;

  /** The config as {@code srs run} would read it (file, then SRS_* environment, then options). */
  SrsConfig load() throws ConfigException {
    Map<String, String> overrides =
        recordings == null ? Map.of() : Map.of("storage.path", recordings);
    return new ConfigLoader().load(config, System.getenv(), overrides);
  }
}
