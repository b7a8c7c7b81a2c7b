package io.srs.core.port;

/**
 * Receives recording events; the daemon logs them and later counts them. Called from SIP and
 * finaliser threads: implementations must be thread-safe and must not block.
 */
@FunctionalInterface
public interface RecordingEventListener {

  /** A listener that ignores everything. */
  RecordingEventListener NONE = event -> {};

  void on(RecordingEvent event);
}
