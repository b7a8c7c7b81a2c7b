package io.srs.core.session;

import io.srs.core.media.StreamPlan;
import io.srs.core.metadata.MetadataSnapshot;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.MediaSession;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.RecordingSummary.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private final Map<String, List<String>> headers;
  private final List<MetadataSnapshot> history = new CopyOnWriteArrayList<>();
  private final List<byte[]> rawMetadata = new CopyOnWriteArrayList<>();
  private final List<TimelineEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> flags = new CopyOnWriteArrayList<>();
  private volatile List<StreamPlan> currentPlans;
  private volatile RecordingMetadata metadata;
  private volatile int metadataVersions;
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
    this(
        id,
        callId,
        fromUri,
        toUri,
        invitedAt,
        answeredAt,
        plans,
        metadata,
        handle,
        media,
        Map.of());
  }

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
      MediaSession media,
      Map<String, List<String>> headers) {
    this.id = Objects.requireNonNull(id, "id");
    this.headers = Map.copyOf(headers);
    this.callId = callId;
    this.fromUri = fromUri;
    this.toUri = toUri;
    this.invitedAt = invitedAt;
    this.answeredAt = answeredAt;
    this.plans = List.copyOf(plans);
    this.currentPlans = this.plans;
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

  /** The merged metadata in force now. */
  public RecordingMetadata metadata() {
    return metadata;
  }

  /**
   * Records a metadata version: its raw body (null when none was sent, e.g. the INVITE had no
   * metadata part) and the merged model it leads to.
   *
   * @return the version number given to it
   */
  public synchronized int addMetadata(Instant at, byte[] raw, RecordingMetadata merged) {
    int version = ++metadataVersions;
    if (raw != null) {
      rawMetadata.add(raw);
    }
    this.metadata = Objects.requireNonNull(merged, "merged");
    history.add(new MetadataSnapshot(version, at, merged));
    return version;
  }

  /** The next version number {@link #addMetadata} will give. */
  public synchronized int nextMetadataVersion() {
    return metadataVersions + 1;
  }

  /** Every merged version, in order: the input of per-track participation. */
  public List<MetadataSnapshot> metadataHistory() {
    return List.copyOf(history);
  }

  /** Every raw metadata body received, in order. */
  public List<byte[]> rawMetadata() {
    return List.copyOf(rawMetadata);
  }

  /** The INVITE's headers, names in lower case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The plans as last answered (directions change with re-INVITEs). */
  public List<StreamPlan> currentPlans() {
    return currentPlans;
  }

  public void replacePlans(List<StreamPlan> plans) {
    this.currentPlans = List.copyOf(plans);
  }

  public void addEvent(TimelineEvent event) {
    events.add(event);
  }

  public List<TimelineEvent> events() {
    List<TimelineEvent> ordered = new ArrayList<>(events);
    ordered.sort((a, b) -> a.at().compareTo(b.at()));
    return ordered;
  }

  public void flag(String flag) {
    if (!flags.contains(flag)) {
      flags.add(flag);
    }
  }

  public List<String> flags() {
    return List.copyOf(flags);
  }

  /** Offset of {@code at} from the invite, for events before media start is known. */
  public Duration sinceInvite(Instant at) {
    return Duration.between(invitedAt, at);
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
