package io.srs.core.session;

import io.srs.core.media.StreamPlan;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.MediaSession;
import io.srs.core.port.RecordingHandle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One recording session (RFC 7866 "RS"): the call we are recording, its plan, its media and its
 * place in the vault. State changes go through {@link #moveTo}, which rejects illegal moves and is
 * safe against racing SIP threads (an ACK and a BYE arriving together).
 */
public final class RecordingSession {
  private final RecordingId id;
  private final String callId;
  private final String fromUri;
  private final String toUri;
  private final Instant invitedAt;
  private final Instant answeredAt;
  private final List<StreamPlan> plans;
  private final RecordingHandle handle;
  private final MediaSession media;
  private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.OFFERED);
  private volatile RecordingMetadata metadata;
  private volatile Instant endedAt;
  private volatile EndReason endReason;

  public RecordingSession(
      RecordingId id,
      String callId,
      String fromUri,
      String toUri,
      Instant invitedAt,
      Instant answeredAt,
      List<StreamPlan> plans,
      RecordingMetadata metadata,
      RecordingHandle handle,
      MediaSession media) {
    this.id = Objects.requireNonNull(id, "id");
    this.callId = callId;
    this.fromUri = fromUri;
    this.toUri = toUri;
    this.invitedAt = invitedAt;
    this.answeredAt = answeredAt;
    this.plans = List.copyOf(plans);
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.handle = Objects.requireNonNull(handle, "handle");
    this.media = Objects.requireNonNull(media, "media");
  }

  /**
   * Moves to {@code target} if the current state allows it.
   *
   * @return false if another thread already moved the session past the point where {@code target}
   *     is legal and the move is one a late duplicate may ask for (e.g. a second BYE)
   * @throws IllegalTransitionException never for the racing cases above; only for moves no order of
   *     events could justify
   */
  public boolean moveTo(SessionState target) {
    while (true) {
      SessionState current = state.get();
      if (!current.canMoveTo(target)) {
        // Late or duplicate: already there, already past it, or already finished (a terminal
        // state absorbs every later move, e.g. a failure reported after the recording closed).
        if (current == target || current.isTerminal() || current.ordinal() > target.ordinal()) {
          return false;
        }
        throw new IllegalTransitionException(id, current, target);
      }
      if (state.compareAndSet(current, target)) {
        return true;
      }
    }
  }

  public SessionState state() {
    return state.get();
  }

  /**
   * Records why and when the call ended; called once, by whoever moved the session to ENDING, so a
   * second end (a BYE racing a shutdown) cannot overwrite the first.
   */
  public void markEnded(Instant at, EndReason reason) {
    this.endedAt = at;
    this.endReason = reason;
  }

  public RecordingId id() {
    return id;
  }

  public String callId() {
    return callId;
  }

  public String fromUri() {
    return fromUri;
  }

  public String toUri() {
    return toUri;
  }

  public Instant invitedAt() {
    return invitedAt;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public List<StreamPlan> plans() {
    return plans;
  }

  public RecordingMetadata metadata() {
    return metadata;
  }

  public RecordingHandle handle() {
    return handle;
  }

  public MediaSession media() {
    return media;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public EndReason endReason() {
    return endReason;
  }

  @Override
  public String toString() {
    return "RecordingSession[" + id + " " + callId + " " + state.get() + "]";
  }
}
