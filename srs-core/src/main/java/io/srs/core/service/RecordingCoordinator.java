package io.srs.core.service;

import io.srs.core.fields.FieldExtractor;
import io.srs.core.media.OfferedStream;
import io.srs.core.media.SrtpKeySource;
import io.srs.core.media.SrtpPolicy;
import io.srs.core.media.StreamPlan;
import io.srs.core.media.StreamPlanner;
import io.srs.core.media.TransportProfile;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.MediaReceiverFactory;
import io.srs.core.port.MediaReport;
import io.srs.core.port.MediaSession;
import io.srs.core.port.MediaSessionSpec;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.MediaUnavailableException;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingEvent.RejectReason;
import io.srs.core.port.RecordingEventListener;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.RecordingIndex;
import io.srs.core.port.RecordingStore;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.StoredRecording;
import io.srs.core.port.TrackSpec;
import io.srs.core.service.OfferDecision.AnsweredStream;
import io.srs.core.service.OfferDecision.Rejected;
import io.srs.core.service.RecordingOptions.MetadataPolicy;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import io.srs.core.session.RecordingSession;
import io.srs.core.session.SessionState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The domain's side of a call: plans the answer, reserves storage and ports before answering (so a
 * call we cannot record is refused, never accepted and lost), and finalises on a bounded executor
 * when the call ends.
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
  private final Limits limits;
  private final StreamPlanner planner;
  private final RecordingOptions options;
  private final RecordingIndex index;
  private final SummaryBuilder summaries;
  private final UpdateApplier updates;
  private final java.util.SortedSet<io.srs.core.media.Codec> supported;
  private final SrtpPolicy srtp;
  private final Map<RecordingId, RecordingSession> sessions = new ConcurrentHashMap<>();
  private final Map<RecordingId, CompletableFuture<Void>> finalising = new ConcurrentHashMap<>();
  private final AtomicInteger reserved = new AtomicInteger();
  private final CompletableFuture<Void> idle = new CompletableFuture<>();
  private volatile boolean draining;

  public RecordingCoordinator(
      MediaReceiverFactory mediaFactory,
      RecordingStore store,
      Executor finaliser,
      Clock clock,
      RandomGenerator random,
      RecordingEventListener listener,
      Limits limits) {
    this(
        mediaFactory,
        store,
        finaliser,
        clock,
        random,
        listener,
        limits,
        RecordingOptions.DEFAULT,
        FieldExtractor.NONE);
  }

  public RecordingCoordinator(
      MediaReceiverFactory mediaFactory,
      RecordingStore store,
      Executor finaliser,
      Clock clock,
      RandomGenerator random,
      RecordingEventListener listener,
      Limits limits,
      RecordingOptions options,
      FieldExtractor fieldExtractor) {
    this(
        mediaFactory,
        store,
        finaliser,
        clock,
        random,
        listener,
        limits,
        options,
        fieldExtractor,
        RecordingIndex.NONE);
  }

  public RecordingCoordinator(
      MediaReceiverFactory mediaFactory,
      RecordingStore store,
      Executor finaliser,
      Clock clock,
      RandomGenerator random,
      RecordingEventListener listener,
      Limits limits,
      RecordingOptions options,
      FieldExtractor fieldExtractor,
      RecordingIndex index) {
    this(
        mediaFactory,
        store,
        finaliser,
        clock,
        random,
        listener,
        limits,
        options,
        fieldExtractor,
        index,
        SrtpKeySource.secure());
  }

  /**
   * @param srtpKeys where our SDES answer keys come from (RFC 4568 §7.1.1): a {@code SecureRandom}
   *     in production, a fixed source in tests
   */
  public RecordingCoordinator(
      MediaReceiverFactory mediaFactory,
      RecordingStore store,
      Executor finaliser,
      Clock clock,
      RandomGenerator random,
      RecordingEventListener listener,
      Limits limits,
      RecordingOptions options,
      FieldExtractor fieldExtractor,
      RecordingIndex index,
      SrtpKeySource srtpKeys) {
    this.index = Objects.requireNonNull(index, "index");
    this.options = Objects.requireNonNull(options, "options");
    this.summaries = new SummaryBuilder(fieldExtractor, options.requiredFields());
    this.mediaFactory = Objects.requireNonNull(mediaFactory, "mediaFactory");
    this.store = Objects.requireNonNull(store, "store");
    this.finaliser = Objects.requireNonNull(finaliser, "finaliser");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.supported = new java.util.TreeSet<>(mediaFactory.supportedCodecs());
    // Only suites the media side can unprotect: anything else would be stored as noise.
    this.srtp = options.srtp().restrictedTo(mediaFactory.supportedSrtpSuites());
    this.planner =
        new StreamPlanner(
            supported,
            new StreamPlanner.Options(options.pcm16(), srtp),
            Objects.requireNonNull(srtpKeys, "srtpKeys"));
    this.updates = new UpdateApplier(options.metadataPolicy(), this::publish, planner.sdes());
  }

  @Override
  public OfferDecision offer(RecordingOffer offer) {
    if (draining) {
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
              488, "Not Acceptable Here", WARN_INCOMPATIBLE_MEDIA, noRecordableMedia(plans), 0));
    }
    if (!reserveSlot()) {
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
      release();
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
      media = mediaFactory.open(mediaSpec(id, plans, handle));
      List<AnsweredStream> answer = answer(plans, media);
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
      release();
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

  /**
   * Gives back a reserved slot; the last one given back while draining completes {@link #drain()}.
   * The drain flag is written before the count is read there, and the count before the flag here,
   * so whichever runs second sees the other's write.
   */
  private void release() {
    if (reserved.decrementAndGet() == 0 && draining) {
      idle.complete(null);
    }
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

  private boolean reserveSlot() {
    while (true) {
      int now = reserved.get();
      if (now >= limits.maxSessions()) {
        return false;
      }
      if (reserved.compareAndSet(now, now + 1)) {
        return true;
      }
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

  private MediaSessionSpec mediaSpec(RecordingId id, List<StreamPlan> plans, RecordingHandle handle)
      throws IOException {
    List<MediaStreamSpec> streams = new ArrayList<>();
    for (StreamPlan plan : plans) {
      if (plan.isRecorded()) {
        var spec =
            new TrackSpec(plan.index(), plan.label(), plan.storedEncoding(), plan.sampleRate());
        streams.add(
            new MediaStreamSpec(
                plan.index(),
                plan.label(),
                plan.codec(),
                plan.payloadType(),
                handle.openTrack(spec),
                plan.formats(),
                plan.telephoneEventPayloadType(),
                plan.comfortNoisePayloadType(),
                plan.storedEncoding(),
                plan.sampleRate(),
                plan.srtp()));
      }
    }
    return new MediaSessionSpec(
        id,
        plans.size(),
        streams,
        options.inactivityTimeout(),
        (inactive, silentFor) -> end(inactive, EndReason.MEDIA_TIMEOUT),
        options.pauseMode(),
        options.dtmfMasking());
  }

  private static List<AnsweredStream> answer(List<StreamPlan> plans, MediaSession media) {
    List<AnsweredStream> answered = new ArrayList<>(plans.size());
    for (StreamPlan plan : plans) {
      answered.add(new AnsweredStream(plan, plan.isRecorded() ? media.rtpPort(plan.index()) : 0));
    }
    return answered;
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
      release();
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

  /**
   * The 488's Warning: each m-line as offered and why it was declined (codec, transport, SRTP
   * policy, unusable {@code a=crypto} lines by suite), then what we record. Names suites, never
   * keys.
   */
  private String noRecordableMedia(List<StreamPlan> plans) {
    StringBuilder text = new StringBuilder("No recordable media offered:");
    for (StreamPlan plan : plans) {
      OfferedStream stream = plan.offer();
      text.append(" m=")
          .append(stream.index())
          .append(' ')
          .append(stream.mediaType())
          .append(' ')
          .append(stream.transport())
          .append(' ')
          .append(StreamPlanner.describeFormats(stream));
      if (stream.profile() != TransportProfile.PLAIN_RTP
          || srtp.mode() == SrtpPolicy.Mode.REQUIRED) {
        text.append(" (").append(plan.declineReason()).append(')');
      }
      text.append(';');
    }
    text.append(" we record");
    for (var codec : supported) {
      text.append(' ').append(codec.encodingName());
      if (codec.fixedClockRate() > 0) {
        text.append('/').append(codec.fixedClockRate());
      }
    }
    text.append(" over ");
    if (srtp.mode() == SrtpPolicy.Mode.OPTIONAL) {
      text.append("RTP/AVP");
      if (!srtp.suites().isEmpty()) {
        text.append(" or ");
      }
    }
    if (!srtp.suites().isEmpty()) {
      text.append("RTP/SAVP with a=crypto ").append(planner.sdes().accepted());
    } else if (srtp.mode() == SrtpPolicy.Mode.REQUIRED) {
      text.append("nothing: SRTP is required and no suite is available");
    }
    return text.toString();
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
    return !draining && reserved.get() < limits.maxSessions();
  }

  /** Sessions in progress, finalising included. */
  public int activeSessions() {
    return reserved.get();
  }

  /** Recordings whose call has ended and whose finalisation has not finished yet. */
  public int finalisingSessions() {
    return finalising.size();
  }

  /** True once {@link #drain()} or {@link #endAll} was called: new calls get 503. */
  public boolean isDraining() {
    return draining;
  }

  /**
   * Stops taking calls (INVITE and OPTIONS answer 503) and lets the calls in progress run to their
   * own end. The future completes when no session is left, finalisation included; it never
   * completes by itself while a call goes on, so the caller bounds the wait and then calls {@link
   * #endAll}.
   */
  public CompletableFuture<Void> drain() {
    draining = true;
    if (reserved.get() == 0) {
      idle.complete(null);
    }
    return idle;
  }

  /**
   * Stops taking calls, ends every session in progress with {@code reason} and completes when all
   * of them are finalised.
   */
  public CompletableFuture<Void> endAll(EndReason reason) {
    draining = true;
    for (RecordingId id : List.copyOf(sessions.keySet())) {
      end(id, reason);
    }
    return CompletableFuture.allOf(finalising.values().toArray(CompletableFuture[]::new));
  }
}
