package io.srs.daemon.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * {@code logging.format}: {@code text} keeps logback's default configuration ({@code logback.xml}),
 * {@code json} replaces it at start-up with {@code logback-json.xml} (the logstash encoder). An
 * operator's own {@code -Dlogback.configurationFile} is left alone either way.
 */
public final class LogFormat {
  /** The JSON configuration on the class path. */
  public static final String JSON_RESOURCE = "/logback-json.xml";

  private LogFormat() {}

  /**
   * Applies the format.
   *
   * @param format {@code text} or {@code json} (validated by the config loader)
   * @param operatorConfiguration the value of {@code logback.configurationFile}, or null
   * @return true when the JSON configuration was installed
   */
  public static boolean select(String format, String operatorConfiguration) throws JoranException {
    if (!format.equals("json") || operatorConfiguration != null) {
      return false;
    }
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return false; // another SLF4J binding: its own configuration rules
    }
    configure(context, LogFormat.class.getResource(JSON_RESOURCE));
    return true;
  }

  /** Replaces {@code context}'s configuration with the one at {@code resource}. */
  static void configure(LoggerContext context, URL resource) throws JoranException {
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    context.reset();
    configurator.doConfigure(resource);
  }
}
