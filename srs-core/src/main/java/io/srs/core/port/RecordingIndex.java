package io.srs.core.port;

import io.srs.core.session.RecordingId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The vault's searchable index (DESIGN.md: SQLite embedded, PostgreSQL for clusters). A recording
 * is added once its files and sidecar are final; from then on it is "findable". Implementations are
 * thread-safe; calls may block (they run on the finaliser, never on SIP or media threads).
 */
public interface RecordingIndex extends AutoCloseable {

  /** An index that keeps nothing: for deployments that search the sidecars instead. */
  RecordingIndex NONE =
      new RecordingIndex() {
        @Override
        public void add(RecordingSummary summary, StoredRecording stored) {}

        @Override
        public Optional<IndexedRecording> byId(RecordingId id) {
          return Optional.empty();
        }

        @Override
        public List<IndexedRecording> byGroup(String groupId) {
          return List.of();
        }

        @Override
        public List<IndexedRecording> byField(String field, String value, int limit) {
          return List.of();
        }

        @Override
        public void close() {}
      };

  /** Adds (or, for the same id, replaces) a finished recording. */
  void add(RecordingSummary summary, StoredRecording stored) throws IOException;

  Optional<IndexedRecording> byId(RecordingId id) throws IOException;

  /**
   * Every recording sharing a group id, oldest first: the legs of one call that a transfer split
   * across recordings (BYE plus a new INVITE linked by group id, RFC 7865 §6.2).
   */
  List<IndexedRecording> byGroup(String groupId) throws IOException;

  /**
   * Recordings whose normalised field equals {@code value} ({@code agentId}, {@code
   * conversationId}, {@code ani}, ...), newest first, at most {@code limit}.
   */
  List<IndexedRecording> byField(String field, String value, int limit) throws IOException;

  @Override
  void close() throws IOException;
}
