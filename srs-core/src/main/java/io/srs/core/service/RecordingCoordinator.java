package io.srs.core.service;

import io.srs.core.fields.FieldExtractor;
import io.srs.core.media.Codec;
import io.srs.core.media.SrtpKeySource;
import io.srs.core.media.SrtpPolicy;
import io.srs.core.media.StreamPlan;
import io.srs.core.media.StreamPlanner;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.CallSignalling;
import io.srs.core.port.MediaReceiverFactory;
import io.srs.core.port.MediaReport;
import io.srs.core.port.MediaSession;
import io.srs.core.port.MediaUnavailableException;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingEvent.RejectReason;
import io.srs.core.port.RecordingEventListener;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.RecordingIndex;
import io.srs.core.port.RecordingStore;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.StoredRecording;
import io.srs.core.service.OfferDecision.AnsweredStream;
import io.srs.core.service.OfferDecision.Rejected;
import io.srs.core.service.RecordingOptions.MetadataPolicy;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import io.srs.core.session.RecordingSession;
import io.srs.core.session.SessionState;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;

/**
 * The domain's side of a call: plans the answer, reserves storage and ports before answering (so a
 * call we cannot record is refused, never accepted and lost), and finalises on a bounded executor
 * when the call ends. When the recorder ends a call itself (media timeout, shutdown), it tells the
 * SRC through {@link CallSignalling}.
 */
public final class RecordingCoordinator implements RecordingService {

  /** Retry-After for 503s caused by load: long enough for an SBC to try its next recorder. */
  static final int RETRY_AFTER_SECONDS = 5;

  /** RFC 3261 §20.43 warn-code 305: "Incompatible media format". */
  static final int WARN_INCOMPATIBLE_MEDIA = 305;

  /**
   * Bounds on concurrent work.
   *
   * @param maxSessions recording sessions in progress, finalising included
   */
  public record Limits(int maxSessions) {
    public Limits {
      if (maxSessions < 1) {
        throw new IllegalArgumentException("maxSessions must be at least 1: " + maxSessions);
      }
    }
  }

  private final MediaReceiverFactory mediaFactory;
  private final RecordingStore store;
  private final Executor finaliser;
  private final Clock clock;
  private final RandomGenerator random;
  private final RecordingEventListener listener;
  private final CallSignalling signalling;
  private final StreamPlanner planner;
  private final RecordingOptions options;
  private final RecordingIndex index;
  private final SummaryBuilder summaries;
  private final UpdateApplier updates;
  private final SortedSet<Codec> supported;
  private final SrtpPolicy srtp;
  private final SessionSlots slots;
  private final Map<RecordingId, RecordingSession> sessions = new ConcurrentHashMap<>();
  private final Map<RecordingId, CompletableFuture<Void>> finalising = new ConcurrentHashMap<>();

  private RecordingCoordinator(Builder builder) {
    this.mediaFactory = builder.media;
    this.store = builder.store;
    this.finaliser = builder.finaliser;
    this.slots = new SessionSlots(builder.limits.maxSessions());
    this.clock = builder.clock;
    this.random = builder.random;
    this.listener = builder.listener;
    this.signalling = builder.signalling;
    this.options = builder.options;
    this.index = builder.index;
    this.summaries = new SummaryBuilder(builder.fieldExtractor, options.requiredFields());
    this.supported = new TreeSet<>(mediaFactory.supportedCodecs());
    // Only suites the media side can unprotect: anything else would be stored as noise.
    this.srtp = options.srtp().restrictedTo(mediaFactory.supportedSrtpSuites());
    this.planner =
        new StreamPlanner(
            supported, new StreamPlanner.Options(options.pcm16(), srtp), builder.srtpKeys);
    this.updates = new UpdateApplier(options.metadataPolicy(), this::publish, planner.sdes());
  }

  /**
   * A coordinator over the media side, the vault, the finaliser pool and the session bound every
   * deployment has to choose; everything else has a default that {@link Builder} can replace.
   *
   * @param finaliser where finalisation (flush, fsync, hash, index) runs: a bounded pool
   */
  public static Builder builder(
      MediaReceiverFactory media, RecordingStore store, Executor finaliser, Limits limits) {
    return new Builder(media, store, finaliser, limits);
  }

  /** The coordinator's collaborators; each setter replaces a default named on it. */
  public static final class Builder {
    private final MediaReceiverFactory media;
    private final RecordingStore store;
    private final Executor finaliser;
    private final Limits limits;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SecureRandom();
    private RecordingEventListener listener = RecordingEventListener.NONE;
    private CallSignalling signalling = CallSignalling.NONE;
    private RecordingOptions options = RecordingOptions.DEFAULT;
    private FieldExtractor fieldExtractor = FieldExtractor.NONE;
    private RecordingIndex index = RecordingIndex.NONE;
    private SrtpKeySource srtpKeys = SrtpKeySource.secure();

    private Builder(
        MediaReceiverFactory media, RecordingStore store, Executor finaliser, Limits limits) {
      this.media = Objects.requireNonNull(media, "media");
      this.store = Objects.requireNonNull(store, "store");
      this.finaliser = Objects.requireNonNull(finaliser, "finaliser");
      this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Stamps recording ids, answers and ends; default the system UTC clock. */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Draws recording ids; default a {@link SecureRandom}. */
    public Builder random(RandomGenerator value) {
      random = Objects.requireNonNull(value, "random");
      return this;
    }

    /** Hears every recording event; default {@link RecordingEventListener#NONE}. */
    public Builder listener(RecordingEventListener value) {
      listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Told when the recorder ends a recording the SRC did not end, so it can hang up; default
     * {@link CallSignalling#NONE}.
     */
    public Builder signalling(CallSignalling value) {
      signalling = Objects.requireNonNull(value, "signalling");
      return this;
    }

    /** Policies and formats; default {@link RecordingOptions#DEFAULT}. */
    public Builder options(RecordingOptions value) {
      options = Objects.requireNonNull(value, "options");
      return this;
    }

    /** Finds the normalised fields in the metadata; default {@link FieldExtractor#NONE}. */
    public Builder fieldExtractor(FieldExtractor value) {
      fieldExtractor = Objects.requireNonNull(value, "fieldExtractor");
      return this;
    }

    /** Where finished recordings become findable; default {@link RecordingIndex#NONE}. */
    public Builder index(RecordingIndex value) {
      index = Objects.requireNonNull(value, "index");
      return this;
    }

    /**
     * Where our SDES answer keys come from (RFC 4568 §7.1.1); default a {@code SecureRandom}, a
     * fixed source in tests.
     */
    public Builder srtpKeys(SrtpKeySource value) {
      srtpKeys = Objects.requireNonNull(value, "srtpKeys");
      return this;
    }

    public RecordingCoordinator build() {
      return new RecordingCoordinator(this);
    }
  }

  @Override
  public OfferDecision offer(RecordingOffer offer) {
    if (slots.draining()) {
      return refuse(
          offer,
          RejectReason.DRAINING,
          new Rejected(503, "Recorder draining", 0, null, RETRY_AFTER_SECONDS));
    }
    boolean metadataUsable = offer.rawMetadata() != null && offer.metadataProblem() == null;
    if (!metadataUsable && options.metadataPolicy() == MetadataPolicy.STRICT) {
      String why =
          offer.rawMetadata() == null
              ? "no recording metadata (RFC 7865) in the INVITE"
              : "unusable recording metadata: " + offer.metadataProblem();
      return refuse(
          offer,
          RejectReason.METADATA_UNUSABLE,
          new Rejected(400, "Bad Request - " + why, 0, null, 0));
    }
    List<StreamPlan> plans = planner.plan(offer.streams());
    if (plans.stream().noneMatch(StreamPlan::isRecorded)) {
      return refuse(
          offer,
          RejectReason.NO_RECORDABLE_MEDIA,
          new Rejected(
              488,
              "Not Acceptable Here",
              WARN_INCOMPATIBLE_MEDIA,
              MediaSpecs.noRecordableMedia(plans, supported, srtp, planner.sdes()),
              0));
    }
    if (!slots.reserve()) {
      return refuse(
          offer,
          RejectReason.AT_CAPACITY,
          new Rejected(503, "Recorder at capacity", 0, null, RETRY_AFTER_SECONDS));
    }
    RecordingId id = RecordingId.generate(clock.instant(), random);
    RecordingHandle handle;
    try {
      handle = store.create(id, offer.callId(), offer.receivedAt());
    } catch (IOException | RuntimeException e) {
      slots.release();
      return refuse(
          offer,
          RejectReason.STORAGE_UNAVAILABLE,
          new Rejected(
              503, "Recording storage unavailable: " + oneLine(e), 0, null, RETRY_AFTER_SECONDS));
    }
    MediaSession media = null;
    try {
      if (offer.rawMetadata() != null) {
        handle.addMetadata(offer.rawMetadata());
      }
      media =
          mediaFactory.open(
              MediaSpecs.forSession(
                  id,
                  plans,
                  handle,
                  options,
                  (inactive, silentFor) -> end(inactive, EndReason.MEDIA_TIMEOUT)));
      List<AnsweredStream> answer = MediaSpecs.answer(plans, media);
      RecordingSession session =
          new RecordingSession(
              id,
              offer.callId(),
              offer.fromUri(),
              offer.toUri(),
              offer.receivedAt(),
              clock.instant(),
              plans,
              offer.metadata(),
              handle,
              media,
              offer.headers());
      if (offer.rawMetadata() != null) {
        session.addMetadata(offer.receivedAt(), offer.rawMetadata().body(), offer.metadata());
      }
      flagOffer(session, offer, plans);
      sessions.put(id, session);
      return new OfferDecision.Accepted(id, answer);
    } catch (IOException | MediaUnavailableException | RuntimeException e) {
      // Refused, so release everything reserved for it: ports first, then the vault's place.
      closeQuietly(media);
      handle.abort();
      slots.release();
      boolean ports = e instanceof MediaUnavailableException;
      String what = ports ? "Media ports" : "Recording storage";
      return refuse(
          offer,
          ports ? RejectReason.MEDIA_PORTS_UNAVAILABLE : RejectReason.STORAGE_UNAVAILABLE,
          new Rejected(503, what + " unavailable: " + oneLine(e), 0, null, RETRY_AFTER_SECONDS));
    }
  }

  /** Reports a refusal (log line, metric) and returns it unchanged. */
  private Rejected refuse(RecordingOffer offer, RejectReason reason, Rejected decision) {
    String detail =
        decision.warning() == null
            ? decision.reason()
            : decision.reason() + ": " + decision.warning();
    publish(new RecordingEvent.Rejected(offer.callId(), decision.status(), reason, detail));
    return decision;
  }

  private static void closeQuietly(MediaSession media) {
    if (media == null) {
      return;
    }
    try {
      media.close();
    } catch (RuntimeException ignored) {
      // The offer is refused either way; the media side owns its ports.
    }
  }

  private void flagOffer(RecordingSession session, RecordingOffer offer, List<StreamPlan> plans) {
    if (offer.rawMetadata() == null) {
      session.flag("metadata-missing");
    } else if (offer.metadataProblem() != null) {
      session.flag("metadata-unusable: " + offer.metadataProblem());
    }
    RecordingMetadata metadata = offer.metadata();
    if (metadata.streams().isEmpty()) {
      return;
    }
    for (StreamPlan plan : plans) {
      if (plan.isRecorded() && metadata.streamByLabel(plan.label()).isEmpty()) {
        // Recorded all the same: a label the metadata does not know must not lose the audio.
        session.flag("label-unmatched: " + plan.label());
      }
    }
  }

  @Override
  public UpdateDecision update(RecordingId id, SessionUpdate update) {
    RecordingSession session = sessions.get(id);
    if (session == null || session.state() == SessionState.ENDING || session.state().isTerminal()) {
      return new UpdateDecision.Refused(481, "Call/Transaction Does Not Exist", 0, null);
    }
    return updates.apply(session, update);
  }

  @Override
  public void acknowledge(RecordingId id) {
    RecordingSession session = sessions.get(id);
    if (session != null && session.moveTo(SessionState.ACTIVE)) {
      publish(
          new RecordingEvent.Started(
              id, session.callId(), session.handle().location(), parties(session)));
    }
  }

  @Override
  public void end(RecordingId id, EndReason reason) {
    RecordingSession session = sessions.get(id);
    if (session == null) {
      return;
    }
    // Only the call that wins the move records the end: a second end (BYE racing a shutdown)
    // must not overwrite the first one's reason.
    if (!session.moveTo(SessionState.ENDING)) {
      return;
    }
    session.markEnded(clock.instant(), reason);
    if (!reason.endedBySrc()) {
      hangUp(id, reason);
    }
    CompletableFuture<Void> done =
        closeMedia(session)
            .handleAsync(
                (report, failure) -> {
                  finalise(session, report, failure);
                  return null;
                },
                this::executeFinalisation);
    finalising.put(id, done);
    done.whenComplete((ignored, error) -> finalising.remove(id));
  }

  /**
   * Tells the SRC the recording stopped before finalising starts, so the BYE is not held up by
   * fsync and hashing. A signalling side that throws must not keep the recording from its vault.
   */
  private void hangUp(RecordingId id, EndReason reason) {
    try {
      signalling.hangUp(id, reason);
    } catch (RuntimeException ignored) {
      // The recording is finalised either way; the SRC finds out when its next request gets 481.
    }
  }

  /** A media side that throws instead of failing its stage must not leave the session ENDING. */
  private static CompletableFuture<MediaReport> closeMedia(RecordingSession session) {
    try {
      return session.media().close().toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Hands finalisation to the bounded executor; when it refuses (saturated or shut down), runs it
   * on the calling thread instead: slower for that caller, but the recording is never left
   * unfinished and its slot never leaked (DESIGN.md promise 1).
   */
  private void executeFinalisation(Runnable task) {
    try {
      finaliser.execute(task);
    } catch (RejectedExecutionException rejected) {
      task.run();
    }
  }

  /** Listeners must not throw; if one does, the recording's outcome must not change. */
  private void publish(RecordingEvent event) {
    try {
      listener.on(event);
    } catch (RuntimeException ignored) {
      // A broken listener loses its event, never the recording.
    }
  }

  private void finalise(RecordingSession session, MediaReport report, Throwable mediaFailure) {
    try {
      if (mediaFailure != null) {
        throw new IOException("media did not close cleanly", mediaFailure);
      }
      RecordingSummary summary = summaries.build(session, report);
      StoredRecording stored = session.handle().finish(summary);
      List<String> flags = new ArrayList<>(summary.flags());
      try {
        index.add(summary, stored);
      } catch (IOException | RuntimeException e) {
        // The recording is stored and its sidecar says everything the index would: it stays
        // complete, flagged so an operator (or a re-index from the sidecars) can catch up.
        flags.add("index-failed: " + oneLine(e));
      }
      Duration latency =
          session.endedAt() == null ? null : Duration.between(session.endedAt(), clock.instant());
      session.moveTo(SessionState.CLOSED);
      publish(
          new RecordingEvent.Completed(
              session.id(),
              session.callId(),
              stored.location(),
              report.timelineLength(),
              session.endReason(),
              parties(session),
              summary.fields(),
              summary.missingFields(),
              flags,
              latency,
              report.streams(),
              report.timelines()));
    } catch (IOException | RuntimeException e) {
      session.moveTo(SessionState.FAILED);
      publish(
          new RecordingEvent.Failed(
              session.id(), session.callId(), session.handle().location(), oneLine(e)));
    } finally {
      sessions.remove(session.id());
      slots.release();
    }
  }

  static List<RecordingEvent.TrackParties> parties(RecordingSession session) {
    List<RecordingEvent.TrackParties> parties = new ArrayList<>();
    for (StreamPlan plan : session.currentPlans()) {
      if (plan.isRecorded()) {
        parties.add(
            new RecordingEvent.TrackParties(
                plan.index(), plan.label(), session.metadata().sendersOnLabel(plan.label())));
      }
    }
    return parties;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("[\\r\\n\"]+", " ");
  }

  @Override
  public void refused(
      String callId, int status, RecordingEvent.RejectReason reason, String detail) {
    publish(new RecordingEvent.Rejected(callId, status, reason, detail));
  }

  @Override
  public boolean acceptingCalls() {
    return slots.admitting();
  }

  /** Sessions in progress, finalising included. */
  public int activeSessions() {
    return slots.reserved();
  }

  /** Recordings whose call has ended and whose finalisation has not finished yet. */
  public int finalisingSessions() {
    return finalising.size();
  }

  /** True once {@link #drain()} or {@link #endAll} was called: new calls get 503. */
  public boolean isDraining() {
    return slots.draining();
  }

  /**
   * Stops taking calls (INVITE and OPTIONS answer 503) and lets the calls in progress run to their
   * own end. The future completes when no session is left, finalisation included; it never
   * completes by itself while a call goes on, so the caller bounds the wait and then calls {@link
   * #endAll}.
   */
  public CompletableFuture<Void> drain() {
    return slots.drain();
  }

  /**
   * Stops taking calls, ends every session in progress with {@code reason} and completes when all
   * of them are finalised.
   */
  public CompletableFuture<Void> endAll(EndReason reason) {
    slots.drain();
    for (RecordingId id : List.copyOf(sessions.keySet())) {
      end(id, reason);
    }
    return CompletableFuture.allOf(finalising.values().toArray(CompletableFuture[]::new));
  }
}
