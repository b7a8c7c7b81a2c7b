package io.srs.core.port;

import io.srs.core.session.RecordingId;
import java.time.Duration;

/** Told by the media side when a session's media stops; the domain decides what follows. */
@FunctionalInterface
public interface MediaActivityListener {

  MediaActivityListener NONE = (id, silentFor) -> {};

  /**
   * No packet arrived on any unpaused stream of the session for {@code silentFor} (at least the
   * configured inactivity timeout). Called once per session, from a media thread: must not block.
   */
  void mediaInactive(RecordingId id, Duration silentFor);
}
