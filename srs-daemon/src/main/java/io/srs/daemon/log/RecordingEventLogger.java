package io.srs.daemon.log;

import io.srs.core.metadata.Participant;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingEventListener;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per recording event, {@code key=value} pairs after the event name, so {@code tail -f
 * | grep recording.} reads like a call log and a log shipper can split fields without a regex per
 * event:
 *
 * <pre>
 * recording.completed id=20261125T185046Z-3f9a1c2b7d04e5a6 callId=abc@10.0.0.1 duration=12.340s
 *   reason=BYE path=/var/lib/srs/2026/11/25/... track0="label=1 sip:+15551234@example.com"
 * </pre>
 */
public final class RecordingEventLogger implements RecordingEventListener {
  /** The logger operators filter on; kept apart from class loggers on purpose. */
  public static final String LOGGER_NAME = "srs.recording";

  /** The key-value pair naming the event ({@code recording.completed}) in structured output. */
  public static final String EVENT_KEY = "event";

  private final Logger log;

  public RecordingEventLogger() {
    this(LoggerFactory.getLogger(LOGGER_NAME));
  }

  RecordingEventLogger(Logger log) {
    this.log = log;
  }

  @Override
  public void on(RecordingEvent event) {
    StringBuilder line = new StringBuilder(event.name());
    if (event instanceof RecordingEvent.Rejected rejected) {
      // No recording exists for a refused call: no id, no path.
      field(line, "callId", rejected.callId());
      field(line, "status", Integer.toString(rejected.status()));
      field(line, "reason", rejected.reason().label());
      field(line, "detail", rejected.detail());
      info(event, line);
      return;
    }
    field(line, "id", event.id().value());
    if (event instanceof RecordingEvent.Started started) {
      field(line, "callId", started.callId());
      field(line, "path", started.location());
      tracks(line, started.tracks());
      info(event, line);
    } else if (event instanceof RecordingEvent.Completed completed) {
      field(line, "callId", completed.callId());
      field(line, "duration", seconds(completed.duration()));
      field(line, "reason", completed.reason() == null ? "" : completed.reason().name());
      field(line, "path", completed.location());
      tracks(line, completed.tracks());
      completed.fields().forEach((name, value) -> field(line, name, value));
      field(line, "metadataMatched", Boolean.toString(completed.metadataMatched()));
      if (completed.srsLatency() != null) {
        field(line, "findableAfter", seconds(completed.srsLatency()));
      }
      if (!completed.flags().isEmpty()) {
        field(line, "flags", String.join("; ", completed.flags()));
      }
      if (!completed.missingFields().isEmpty()) {
        field(line, "missing", String.join(",", completed.missingFields()));
      }
      info(event, line);
    } else if (event instanceof RecordingEvent.Updated updated) {
      field(line, "callId", updated.callId());
      field(line, "metadataVersion", Integer.toString(updated.metadataVersion()));
      tracks(line, updated.tracks());
      info(event, line);
    } else if (event instanceof RecordingEvent.Paused paused) {
      field(line, "callId", paused.callId());
      field(line, "streams", paused.streams().toString().replace(" ", ""));
      info(event, line);
    } else if (event instanceof RecordingEvent.Resumed resumed) {
      field(line, "callId", resumed.callId());
      field(line, "streams", resumed.streams().toString().replace(" ", ""));
      info(event, line);
    } else if (event instanceof RecordingEvent.Recovered recovered) {
      // WARN: the process that recorded it died; an operator should know and look.
      field(line, "callId", recovered.callId());
      field(line, "duration", seconds(recovered.duration()));
      field(line, "status", "incomplete");
      field(line, "path", recovered.location());
      tracks(line, recovered.tracks());
      if (!recovered.problems().isEmpty()) {
        field(line, "problems", String.join("; ", recovered.problems()));
      }
      log.atWarn().addKeyValue(EVENT_KEY, event.name()).log("{}", line);
    } else if (event instanceof RecordingEvent.Failed failed) {
      field(line, "callId", failed.callId());
      field(line, "path", failed.location());
      field(line, "cause", failed.cause());
      log.atError().addKeyValue(EVENT_KEY, event.name()).log("{}", line);
    }
  }

  /** The event name also as a key-value pair: JSON log lines carry it as a field of its own. */
  private void info(RecordingEvent event, StringBuilder line) {
    log.atInfo().addKeyValue(EVENT_KEY, event.name()).log("{}", line);
  }

  private static void tracks(StringBuilder line, List<RecordingEvent.TrackParties> tracks) {
    for (RecordingEvent.TrackParties track : tracks) {
      StringBuilder value = new StringBuilder("label=").append(track.label());
      for (Participant participant : track.participants()) {
        value.append(' ').append(describe(participant));
      }
      field(line, "track" + track.streamIndex(), value.toString());
    }
  }

  private static String describe(Participant participant) {
    String aor = participant.primaryAor();
    String name = participant.displayName();
    String who = aor != null ? aor : participant.id();
    return name == null ? who : who + "(" + name + ")";
  }

  private static String seconds(Duration duration) {
    if (duration == null) {
      return "0.000s";
    }
    return String.format(java.util.Locale.ROOT, "%.3fs", duration.toMillis() / 1000.0);
  }

  /** Appends {@code key=value}, quoting values with spaces or quotes, one line always. */
  static void field(StringBuilder line, String key, String value) {
    line.append(' ').append(key).append('=');
    String safe = value == null ? "" : value.replaceAll("[\\r\\n]+", " ");
    if (safe.isEmpty() || safe.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=')) {
      line.append('"').append(safe.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else {
      line.append(safe);
    }
  }
}
