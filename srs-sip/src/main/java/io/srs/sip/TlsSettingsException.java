package io.srs.sip;

import java.util.Objects;

/**
 * A TLS setting we cannot start with, naming the configuration key ({@code sip.tls.key-store}) and
 * what is wrong with it, so the daemon can report it as a configuration error.
 */
public final class TlsSettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String problem;

  public TlsSettingsException(String key, String problem) {
    this(key, problem, null);
  }

  public TlsSettingsException(String key, String problem, Throwable cause) {
    super(key + ": " + problem, cause);
    this.key = Objects.requireNonNull(key, "key");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The configuration key at fault, e.g. {@code sip.tls.key-store-password}. */
  public String key() {
    return key;
  }

  /** What is wrong, without the key. */
  public String problem() {
    return problem;
  }
}
