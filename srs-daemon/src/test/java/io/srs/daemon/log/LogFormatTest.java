package io.srs.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.srs.core.port.RecordingEvent;
import io.srs.core.session.RecordingId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFormatTest {
  private static final RecordingId ID = new RecordingId("20261125T185046Z-0123456789abcdef");

  @Test
  void aJsonLineParsesAndCarriesTheEventNameAsAField() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    Logger logger = context.getLogger(RecordingEventLogger.LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(context);
    captured.start();
    logger.addAppender(captured);
    new RecordingEventLogger(logger)
        .on(new RecordingEvent.Started(ID, "c1@src", "/rec/x", List.of()));

    LogFormat.configure(context, LogFormat.class.getResource(LogFormat.JSON_RESOURCE));
    @SuppressWarnings("unchecked")
    var stdout =
        (OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("STDOUT");
    byte[] encoded = stdout.getEncoder().encode(captured.list.get(0));
    String line = new String(encoded, StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("event").asText()).isEqualTo("recording.started");
    assertThat(json.get("message").asText()).startsWith("recording.started id=" + ID);
    assertThat(json.get("logger_name").asText()).isEqualTo("srs.recording");
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    context.stop();
  }

  @Test
  void textLeavesTheConfigurationAloneAndSoDoesAnOperatorFile() throws Exception {
    assertThat(LogFormat.select("text", null)).isFalse();
    assertThat(LogFormat.select("json", "/etc/srs/logback.xml")).isFalse();
  }
}
