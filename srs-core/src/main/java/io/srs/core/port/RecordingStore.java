package io.srs.core.port;

import io.srs.core.session.RecordingId;
import java.io.IOException;
import java.time.Instant;

/**
 * The vault (DESIGN.md "Recording format"). Implemented by srs-storage; the filesystem store is the
 * embedded default.
 */
public interface RecordingStore {

  /**
   * Reserves a place for a new recording. Called before the call is answered: if this fails, the
   * call is refused (503) rather than accepted and lost.
   */
  RecordingHandle create(RecordingId id, String callId, Instant createdAt) throws IOException;

  /** Where recordings live, for the start-up banner and logs. */
  String describe();
}
