package io.srs.daemon.config;

/**
 * A configuration the daemon refuses to start with. The message names the key ({@code sip.port})
 * and says what was wrong, so an operator can fix the file without reading code.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
