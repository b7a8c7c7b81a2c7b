package io.srs.core.service;

import static io.srs.core.media.Offers.audio;
import static io.srs.core.service.Fakes.CALL_LENGTH;
import static io.srs.core.service.Fakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.media.MediaDirection;
import io.srs.core.media.OfferedFormat;
import io.srs.core.media.OfferedStream;
import io.srs.core.media.StreamPlan;
import io.srs.core.metadata.DataMode;
import io.srs.core.metadata.MetadataSession;
import io.srs.core.metadata.MetadataStream;
import io.srs.core.metadata.NameId;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.ParticipantStreamAssociation;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.MediaUnavailableException;
import io.srs.core.port.RawMetadata;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingEvent.Completed;
import io.srs.core.port.RecordingEvent.Failed;
import io.srs.core.port.RecordingEvent.RejectReason;
import io.srs.core.port.RecordingEvent.Started;
import io.srs.core.port.RecordingEvent.TrackParties;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.DeclinedStream;
import io.srs.core.port.StreamStats;
import io.srs.core.port.TrackSpec;
import io.srs.core.service.OfferDecision.Accepted;
import io.srs.core.service.OfferDecision.AnsweredStream;
import io.srs.core.service.OfferDecision.Rejected;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class RecordingCoordinatorTest {
  private static final Participant CALLER =
      new Participant(
          "+4930123456", List.of(new NameId("sip:+4930123456@sbc.example.com", "Erika", null)));
  private static final Participant AGENT =
      new Participant("agent-4711", List.of(new NameId("sip:4711@pbx.example.com", null, null)));

  /** Caller sends on label 1, agent on label 2 (RFC 7865 §6.9). */
  private static final RecordingMetadata METADATA =
      new RecordingMetadata(
          DataMode.COMPLETE,
          List.of(new MetadataSession("cs-1", List.of(), null)),
          List.of(CALLER, AGENT),
          List.of(new MetadataStream("s1", "cs-1", "1"), new MetadataStream("s2", "cs-1", "2")),
          List.of(
              new ParticipantStreamAssociation("+4930123456", List.of("s1"), List.of("s2")),
              new ParticipantStreamAssociation("agent-4711", List.of("s2"), List.of("s1"))));

  private static final RawMetadata RAW =
      new RawMetadata(
          1,
          T0,
          "application/rs-metadata+xml",
          "<recording xmlns='urn:ietf:params:xml:ns:recording:1'/>"
              .getBytes(StandardCharsets.UTF_8));

  private final Fakes.MediaFactory media = new Fakes.MediaFactory();
  private final Fakes.Store store = new Fakes.Store();
  private final Fakes.Events events = new Fakes.Events();
  private Executor finaliser = Runnable::run;

  private RecordingCoordinator coordinator(int maxSessions) {
    return builder(maxSessions).build();
  }

  /** Fixed clock and seed, this test's fakes and event log; other collaborators default. */
  private RecordingCoordinator.Builder builder(int maxSessions) {
    return RecordingCoordinator.builder(
            media, store, finaliser, new RecordingCoordinator.Limits(maxSessions))
        .clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(new Random(1))
        .listener(events);
  }

  private static RecordingOffer offer(List<OfferedStream> streams) {
    return new RecordingOffer(
        "call-1@src.example.com",
        "sip:src@src.example.com",
        "sip:srs@srs.example.com",
        "192.0.2.1:5060/UDP",
        T0,
        streams,
        RAW,
        METADATA);
  }

  private static OfferedStream video(int index, String label) {
    return new OfferedStream(
        index,
        "video",
        5000,
        "RTP/AVP",
        List.of(new OfferedFormat(96, "H264", 90000, 1, null)),
        MediaDirection.SENDONLY,
        label);
  }

  /** PCMU caller on label 1, a video m-line we decline, PCMA agent on label 2. */
  private static RecordingOffer callerVideoAgent() {
    return offer(List.of(audio(0, "1", 0, 8), video(1, "3"), audio(2, "2", 8)));
  }

  private static Accepted accepted(OfferDecision decision) {
    assertThat(decision).isInstanceOf(Accepted.class);
    return (Accepted) decision;
  }

  private static Rejected rejected(OfferDecision decision) {
    assertThat(decision).isInstanceOf(Rejected.class);
    return (Rejected) decision;
  }

  // --- offer ---------------------------------------------------------------------------------

  @Test
  void acceptedOfferAnswersEveryMLineWithItsPortAndZeroWhenDeclined() {
    Accepted accepted = accepted(coordinator(10).offer(callerVideoAgent()));

    assertThat(accepted.streams())
        .extracting(AnsweredStream::port)
        .containsExactly(40000, 0, 40004);
    assertThat(accepted.streams())
        .extracting(s -> s.plan().isRecorded())
        .containsExactly(true, false, true);
  }

  @Test
  void acceptedOfferStoresTheMetadataVerbatimBeforeAnswering() {
    coordinator(10).offer(callerVideoAgent());

    assertThat(store.handles).hasSize(1);
    assertThat(store.handles.get(0).metadata).containsExactly(RAW);
  }

  @Test
  void offerWithoutMetadataStoresNone() {
    RecordingOffer bare =
        new RecordingOffer(
            "c", null, null, null, T0, List.of(audio(0, "1", 0)), null, RecordingMetadata.EMPTY);

    accepted(coordinator(10).offer(bare));

    assertThat(store.handles.get(0).metadata).isEmpty();
  }

  @Test
  void acceptedOfferOpensOneTrackPerRecordedStream() {
    coordinator(10).offer(callerVideoAgent());

    assertThat(store.handles.get(0).tracks)
        .containsExactly(
            new TrackSpec(0, "1", AudioEncoding.MULAW, 8000),
            new TrackSpec(2, "2", AudioEncoding.ALAW, 8000));
  }

  @Test
  void mediaIsOpenedForEveryMLineWithOnlyRecordedStreams() {
    coordinator(10).offer(callerVideoAgent());

    assertThat(media.opened).hasSize(1);
    assertThat(media.opened.get(0).mLineCount()).isEqualTo(3);
    assertThat(media.opened.get(0).streams())
        .extracting(MediaStreamSpec::index, MediaStreamSpec::codec, MediaStreamSpec::payloadType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, Codec.PCMU, 0),
            org.assertj.core.groups.Tuple.tuple(2, Codec.PCMA, 8));
  }

  @Test
  void nothingRecordableIs488WithWarning305NamingTheOfferedCodecs() {
    Rejected rejected =
        rejected(coordinator(10).offer(offer(List.of(audio(0, "1", 18), video(1, "2")))));

    assertThat(rejected.status()).isEqualTo(488);
    assertThat(rejected.warnCode()).isEqualTo(305);
    assertThat(rejected.warning())
        .contains("m=0 audio RTP/AVP [G729/8000]", "m=1 video RTP/AVP [H264/90000]")
        .contains("we record PCMU/8000 PCMA/8000");
    assertThat(rejected.retryAfterSeconds()).isZero();
    assertThat(store.createCalls).isZero();
    assertThat(media.opened).isEmpty();
  }

  @Test
  void atCapacityASecondOfferIs503WithRetryAfter() {
    RecordingCoordinator coordinator = coordinator(1);
    accepted(coordinator.offer(callerVideoAgent()));

    Rejected rejected = rejected(coordinator.offer(callerVideoAgent()));

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.reason()).isEqualTo("Recorder at capacity");
    assertThat(rejected.retryAfterSeconds()).isEqualTo(RecordingCoordinator.RETRY_AFTER_SECONDS);
    assertThat(store.createCalls).isEqualTo(1);
    assertThat(coordinator.acceptingCalls()).isFalse();
  }

  @Test
  void endingACallFreesItsSlot() {
    RecordingCoordinator coordinator = coordinator(1);
    RecordingId first = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(first, EndReason.BYE);

    assertThat(coordinator.acceptingCalls()).isTrue();
    accepted(coordinator.offer(callerVideoAgent()));
  }

  @Test
  void storageFailureIs503AndLeaksNothing() {
    RecordingCoordinator coordinator = coordinator(1);
    store.failWith = new IOException("disk full");

    Rejected rejected = rejected(coordinator.offer(callerVideoAgent()));

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.reason()).isEqualTo("Recording storage unavailable: disk full");
    assertThat(rejected.retryAfterSeconds()).isEqualTo(RecordingCoordinator.RETRY_AFTER_SECONDS);
    assertThat(media.opened).isEmpty();
    assertThat(coordinator.activeSessions()).isZero();
    store.failWith = null;
    accepted(coordinator.offer(callerVideoAgent()));
  }

  @Test
  void mediaFailureIs503AndAbortsTheHandle() {
    RecordingCoordinator coordinator = coordinator(1);
    media.failWith = new MediaUnavailableException("no free port block");

    Rejected rejected = rejected(coordinator.offer(callerVideoAgent()));

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.reason()).isEqualTo("Media ports unavailable: no free port block");
    assertThat(store.handles.get(0).aborted).isTrue();
    assertThat(coordinator.activeSessions()).isZero();
  }

  @Test
  void trackOpenFailureIs503AndAbortsTheHandle() {
    RecordingCoordinator coordinator = coordinator(1);
    store.openTrackFails = new IOException("cannot create track file");

    Rejected rejected = rejected(coordinator.offer(callerVideoAgent()));

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.reason()).contains("cannot create track file");
    assertThat(store.handles.get(0).aborted).isTrue();
    assertThat(media.opened).isEmpty();
    assertThat(coordinator.activeSessions()).isZero();
  }

  @Test
  void failureAfterMediaOpenedClosesTheMediaAndAbortsTheHandle() {
    RecordingCoordinator coordinator = coordinator(1);
    media.rtpPortThrows = new IllegalStateException("port block released");

    Rejected rejected = rejected(coordinator.offer(callerVideoAgent()));

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(media.sessions.get(0).closeCalls).isEqualTo(1);
    assertThat(store.handles.get(0).aborted).isTrue();
    assertThat(coordinator.activeSessions()).isZero();
  }

  // --- acknowledge -----------------------------------------------------------------------------

  @Test
  void acknowledgePublishesStartedOnceWithTheVoicesOfEachTrack() {
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.acknowledge(id);
    coordinator.acknowledge(id);

    assertThat(events.of(Started.class))
        .containsExactly(
            new Started(
                id,
                "call-1@src.example.com",
                "/vault/" + id,
                List.of(
                    new TrackParties(0, "1", List.of(CALLER)),
                    new TrackParties(2, "2", List.of(AGENT)))));
  }

  @Test
  void acknowledgeOfAnUnknownIdIsIgnored() {
    coordinator(10).acknowledge(new RecordingId("20261125T185046Z-0000000000000000"));

    assertThat(events.events).isEmpty();
  }

  // --- end -------------------------------------------------------------------------------------

  @Test
  void endPublishesCompletedWithTheParticipantsOfEachTrack() {
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();
    coordinator.acknowledge(id);

    coordinator.end(id, EndReason.BYE);

    assertThat(events.of(Completed.class))
        .containsExactly(
            new Completed(
                id,
                "call-1@src.example.com",
                "/vault/" + id,
                CALL_LENGTH,
                EndReason.BYE,
                List.of(
                    new TrackParties(0, "1", List.of(CALLER)),
                    new TrackParties(2, "2", List.of(AGENT))),
                java.util.Map.of(),
                List.of("agentId", "conversationId"),
                List.of("missing-field: agentId", "missing-field: conversationId"),
                java.time.Duration.ZERO,
                List.of(
                    new StreamStats(0, 2100, 2100, 0, 0, 0, 0, 336_000, 0, 0x1234, 0, T0, 0, 0),
                    new StreamStats(2, 2100, 2100, 0, 0, 0, 0, 336_000, 0, 0x1234, 0, T0, 0, 0)),
                List.of()));
    assertThat(coordinator.activeSessions()).isZero();
  }

  // --- hanging up (RFC 3261 §15: the SRC learns when the recorder ends a call) ----------------

  /** What the signalling side was told: "id reason", in order. */
  private final List<String> hangUps = new java.util.concurrent.CopyOnWriteArrayList<>();

  private RecordingCoordinator signalled() {
    return builder(10).signalling((id, reason) -> hangUps.add(id + " " + reason)).build();
  }

  @Test
  void mediaInactivityEndsTheRecordingAsMediaTimeoutAndHangsUp() {
    RecordingCoordinator coordinator = signalled();
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();
    coordinator.acknowledge(id);

    media.opened.get(0).activity().mediaInactive(id, java.time.Duration.ofSeconds(30));

    assertThat(hangUps).containsExactly(id + " MEDIA_TIMEOUT");
    assertThat(events.of(Completed.class))
        .extracting(Completed::reason)
        .containsExactly(EndReason.MEDIA_TIMEOUT);
  }

  @Test
  void theSrcsOwnByeOrCancelIsNotSignalledBack() {
    RecordingCoordinator coordinator = signalled();
    RecordingId byed = accepted(coordinator.offer(callerVideoAgent())).id();
    RecordingId cancelled = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(byed, EndReason.BYE);
    coordinator.end(cancelled, EndReason.CANCEL);

    assertThat(hangUps).isEmpty();
    assertThat(events.of(Completed.class)).hasSize(2);
  }

  @Test
  void endAllHangsUpEveryCallInProgressAsShutdown() {
    RecordingCoordinator coordinator = signalled();
    RecordingId first = accepted(coordinator.offer(callerVideoAgent())).id();
    RecordingId second = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.endAll(EndReason.SHUTDOWN);

    assertThat(hangUps).containsExactlyInAnyOrder(first + " SHUTDOWN", second + " SHUTDOWN");
  }

  @Test
  void aRecordingEndedTwiceHangsUpOnceWithTheFirstReason() {
    RecordingCoordinator coordinator = signalled();
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.MEDIA_TIMEOUT);
    coordinator.end(id, EndReason.SHUTDOWN);
    coordinator.end(id, EndReason.BYE);

    assertThat(hangUps).containsExactly(id + " MEDIA_TIMEOUT");
  }

  @Test
  void theHangUpGoesOutBeforeFinalisationHasRun() {
    media.closeLater = true;
    RecordingCoordinator coordinator = signalled();
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.SHUTDOWN);

    assertThat(hangUps).containsExactly(id + " SHUTDOWN");
    assertThat(events.of(Completed.class)).isEmpty();
  }

  @Test
  void aSignallingSideThatThrowsCannotKeepTheRecordingFromTheVault() {
    RecordingCoordinator coordinator =
        builder(10)
            .signalling(
                (id, reason) -> {
                  throw new IllegalStateException("SIP stack gone");
                })
            .build();
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.MEDIA_TIMEOUT);

    assertThat(events.of(Completed.class)).extracting(Completed::id).containsExactly(id);
    assertThat(coordinator.activeSessions()).isZero();
  }

  // --- rejections and drain --------------------------------------------------------------------

  @Test
  void aRefusalAtCapacityIsPublishedWithItsStatusAndReason() {
    RecordingCoordinator coordinator = coordinator(1);
    accepted(coordinator.offer(callerVideoAgent()));

    coordinator.offer(callerVideoAgent());

    assertThat(events.of(RecordingEvent.Rejected.class))
        .containsExactly(
            new RecordingEvent.Rejected(
                "call-1@src.example.com", 503, RejectReason.AT_CAPACITY, "Recorder at capacity"));
  }

  @Test
  void aRefusalForMediaNamesTheWarningInItsDetail() {
    coordinator(1).offer(offer(List.of(video(0, "1"))));

    RecordingEvent.Rejected refused = events.of(RecordingEvent.Rejected.class).get(0);
    assertThat(refused.status()).isEqualTo(488);
    assertThat(refused.reason()).isEqualTo(RejectReason.NO_RECORDABLE_MEDIA);
    assertThat(refused.detail()).startsWith("Not Acceptable Here: No recordable media offered:");
    assertThat(refused.id()).isNull();
  }

  @Test
  void drainingRefusesNewCallsWith503AndRetryAfterButKeepsTheCallsInProgress() {
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.drain();
    Rejected rejected = rejected(coordinator.offer(callerVideoAgent()));

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.retryAfterSeconds()).isEqualTo(RecordingCoordinator.RETRY_AFTER_SECONDS);
    assertThat(events.of(RecordingEvent.Rejected.class))
        .extracting(RecordingEvent.Rejected::reason)
        .containsExactly(RejectReason.DRAINING);
    assertThat(coordinator.acceptingCalls()).isFalse();
    assertThat(coordinator.isDraining()).isTrue();
    assertThat(coordinator.activeSessions()).isEqualTo(1);
    assertThat(store.handles.get(0).finished).isEmpty();
    assertThat(id).isNotNull();
  }

  @Test
  void drainCompletesWhenTheLastCallInProgressIsFinalised() {
    List<Runnable> queued = new ArrayList<>();
    finaliser = queued::add;
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    CompletableFuture<Void> drained = coordinator.drain();
    assertThat(drained).isNotDone();
    coordinator.end(id, EndReason.BYE);
    assertThat(drained).isNotDone();
    queued.forEach(Runnable::run);

    assertThat(drained).isCompleted();
    assertThat(events.of(Completed.class))
        .extracting(Completed::reason)
        .containsExactly(EndReason.BYE);
  }

  @Test
  void drainWithNoCallInProgressIsAlreadyComplete() {
    assertThat(coordinator(10).drain()).isCompleted();
  }

  @Test
  void theSummaryNamesTracksTheirVoicesAndTheDeclinedMLines() {
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();
    coordinator.acknowledge(id);

    coordinator.end(id, EndReason.BYE);

    RecordingSummary summary = store.handles.get(0).finished.get(0);
    assertThat(summary.callId()).isEqualTo("call-1@src.example.com");
    assertThat(summary.endReason()).isEqualTo(EndReason.BYE);
    assertThat(summary.duration()).isEqualTo(CALL_LENGTH);
    assertThat(summary.metadata()).isEqualTo(METADATA);
    assertThat(summary.tracks())
        .extracting(t -> t.streamIndex(), t -> t.codec(), t -> t.participants())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, Codec.PCMU, List.of(CALLER)),
            org.assertj.core.groups.Tuple.tuple(2, Codec.PCMA, List.of(AGENT)));
    assertThat(summary.declined())
        .containsExactly(new DeclinedStream(1, "3", "media type video is not recorded"));
  }

  @Test
  void endingTwiceFinalisesOnce() {
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();
    coordinator.acknowledge(id);

    coordinator.end(id, EndReason.BYE);
    coordinator.end(id, EndReason.BYE);

    assertThat(store.handles.get(0).finished).hasSize(1);
    assertThat(events.of(Completed.class)).hasSize(1);
    assertThat(media.sessions.get(0).closeCalls).isEqualTo(1);
  }

  @Test
  void aSecondEndWhileFinalisingKeepsTheFirstReason() {
    media.closeLater = true;
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();
    coordinator.acknowledge(id);

    coordinator.end(id, EndReason.BYE);
    coordinator.endAll(EndReason.SHUTDOWN);
    media.sessions.get(0).completeClose();

    assertThat(store.handles.get(0).finished.get(0).endReason()).isEqualTo(EndReason.BYE);
    assertThat(events.of(Completed.class))
        .extracting(Completed::reason)
        .containsExactly(EndReason.BYE);
  }

  @Test
  void cancelBeforeTheAckCompletesWithoutEverStarting() {
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.CANCEL);

    assertThat(events.of(Started.class)).isEmpty();
    assertThat(events.of(Completed.class))
        .extracting(Completed::reason)
        .containsExactly(EndReason.CANCEL);
  }

  @Test
  void endOfAnUnknownIdIsIgnored() {
    coordinator(10).end(new RecordingId("20261125T185046Z-0000000000000000"), EndReason.BYE);

    assertThat(events.events).isEmpty();
  }

  @Test
  void finalisationRunsOnTheFinaliserNotTheCaller() {
    List<Runnable> queued = new ArrayList<>();
    finaliser = queued::add;
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.BYE);

    assertThat(store.handles.get(0).finished).isEmpty();
    assertThat(coordinator.activeSessions()).isEqualTo(1);
    queued.forEach(Runnable::run);
    assertThat(store.handles.get(0).finished).hasSize(1);
    assertThat(coordinator.activeSessions()).isZero();
  }

  @Test
  void aSaturatedFinaliserStillFinalisesOnTheCaller() {
    finaliser =
        task -> {
          throw new RejectedExecutionException("queue full");
        };
    RecordingCoordinator coordinator = coordinator(1);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.BYE);

    assertThat(store.handles.get(0).finished).hasSize(1);
    assertThat(events.of(Completed.class)).hasSize(1);
    assertThat(coordinator.activeSessions()).isZero();
  }

  @Test
  void storageFailureAtTheEndPublishesFailedAndFreesTheSlot() {
    RecordingCoordinator coordinator = coordinator(1);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();
    store.finishFails = new IOException("fsync failed");

    coordinator.end(id, EndReason.BYE);

    assertThat(events.of(Failed.class))
        .containsExactly(new Failed(id, "call-1@src.example.com", "/vault/" + id, "fsync failed"));
    assertThat(events.of(Completed.class)).isEmpty();
    assertThat(coordinator.activeSessions()).isZero();
  }

  @Test
  void mediaThatFailsToClosePublishesFailed() {
    media.closeLater = true;
    RecordingCoordinator coordinator = coordinator(1);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.BYE);
    media.sessions.get(0).closing.completeExceptionally(new IOException("flush failed"));

    assertThat(events.of(Failed.class))
        .extracting(Failed::cause)
        .containsExactly("media did not close cleanly");
    assertThat(coordinator.activeSessions()).isZero();
  }

  @Test
  void mediaThatThrowsOnCloseStillEndsTheSession() {
    media.closeThrows = new IllegalStateException("channel already closed");
    RecordingCoordinator coordinator = coordinator(1);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.BYE);

    assertThat(events.of(Failed.class)).hasSize(1);
    assertThat(coordinator.activeSessions()).isZero();
    assertThat(coordinator.acceptingCalls()).isTrue();
  }

  @Test
  void aListenerThatThrowsCannotTurnAStoredRecordingIntoAFailure() {
    List<RecordingEvent> seen = new ArrayList<>();
    RecordingCoordinator coordinator =
        builder(1)
            .listener(
                event -> {
                  seen.add(event);
                  throw new IllegalStateException("log appender broken");
                })
            .build();
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();
    coordinator.acknowledge(id);

    coordinator.end(id, EndReason.BYE);

    assertThat(seen)
        .extracting(RecordingEvent::name)
        .containsExactly("recording.started", "recording.completed");
    assertThat(store.handles.get(0).finished).hasSize(1);
    assertThat(coordinator.activeSessions()).isZero();
  }

  // --- draining --------------------------------------------------------------------------------

  @Test
  void endAllFinalisesEverySessionAndStopsTakingCalls() {
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId first = accepted(coordinator.offer(callerVideoAgent())).id();
    RecordingId second = accepted(coordinator.offer(callerVideoAgent())).id();
    coordinator.acknowledge(first);

    CompletableFuture<Void> drained = coordinator.endAll(EndReason.SHUTDOWN);

    assertThat(drained).isDone();
    assertThat(events.of(Completed.class))
        .extracting(Completed::id, Completed::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(first, EndReason.SHUTDOWN),
            org.assertj.core.groups.Tuple.tuple(second, EndReason.SHUTDOWN));
    assertThat(coordinator.acceptingCalls()).isFalse();
    assertThat(coordinator.activeSessions()).isZero();
  }

  @Test
  void whileDrainingNewOffersAre503WithRetryAfter() {
    RecordingCoordinator coordinator = coordinator(10);
    coordinator.endAll(EndReason.SHUTDOWN);

    Rejected rejected = rejected(coordinator.offer(callerVideoAgent()));

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.reason()).isEqualTo("Recorder draining");
    assertThat(rejected.retryAfterSeconds()).isEqualTo(RecordingCoordinator.RETRY_AFTER_SECONDS);
    assertThat(store.createCalls).isZero();
  }

  @Test
  void endAllCompletesOnlyWhenFinalisationInProgressHasFinished() {
    media.closeLater = true;
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    CompletableFuture<Void> drained = coordinator.endAll(EndReason.SHUTDOWN);

    assertThat(drained).isNotDone();
    media.sessions.get(0).completeClose();
    assertThat(drained).isDone();
    assertThat(events.of(Completed.class)).extracting(Completed::id).containsExactly(id);
  }

  @Test
  void thePlannerSeesOnlyTheCodecsTheMediaSideSupports() {
    media.supported = java.util.EnumSet.of(Codec.PCMA);

    Accepted accepted = accepted(coordinator(10).offer(offer(List.of(audio(0, "1", 0, 8)))));

    StreamPlan plan = accepted.streams().get(0).plan();
    assertThat(plan.codec()).isEqualTo(Codec.PCMA);
    assertThat(plan.payloadType()).isEqualTo(8);
  }

  // --- policies, index and updates ------------------------------------------------------------

  private RecordingCoordinator coordinator(
      RecordingOptions options, io.srs.core.port.RecordingIndex index) {
    return builder(10).options(options).index(index).build();
  }

  private static RecordingOptions policy(RecordingOptions.MetadataPolicy policy) {
    RecordingOptions d = RecordingOptions.DEFAULT;
    return new RecordingOptions(
        policy, d.requiredFields(), d.pcm16(), d.inactivityTimeout(), d.pauseMode(), false);
  }

  private static RecordingOffer withoutMetadata() {
    RecordingOffer full = callerVideoAgent();
    return new RecordingOffer(
        full.callId(),
        full.fromUri(),
        full.toUri(),
        full.source(),
        full.receivedAt(),
        full.streams(),
        null,
        io.srs.core.metadata.RecordingMetadata.EMPTY);
  }

  @Test
  void strictPolicyRefusesAnInviteWithoutMetadataWith400() {
    RecordingCoordinator coordinator =
        coordinator(
            policy(RecordingOptions.MetadataPolicy.STRICT), io.srs.core.port.RecordingIndex.NONE);

    Rejected rejected = rejected(coordinator.offer(withoutMetadata()));

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.reason()).contains("no recording metadata");
    assertThat(store.handles).isEmpty();
  }

  @Test
  void lenientPolicyRecordsAnInviteWithoutMetadataAndFlagsIt() {
    RecordingCoordinator coordinator =
        coordinator(
            policy(RecordingOptions.MetadataPolicy.LENIENT), io.srs.core.port.RecordingIndex.NONE);

    RecordingId id = accepted(coordinator.offer(withoutMetadata())).id();
    coordinator.acknowledge(id);
    coordinator.end(id, EndReason.BYE);

    assertThat(store.handles.get(0).finished.get(0).flags()).contains("metadata-missing");
  }

  @Test
  void strictPolicyRefusesUnusableMetadataWithTheParsersReason() {
    RecordingCoordinator coordinator =
        coordinator(
            policy(RecordingOptions.MetadataPolicy.STRICT), io.srs.core.port.RecordingIndex.NONE);
    RecordingOffer full = callerVideoAgent();
    RecordingOffer broken =
        new RecordingOffer(
            full.callId(),
            full.fromUri(),
            full.toUri(),
            full.source(),
            full.receivedAt(),
            full.streams(),
            full.rawMetadata(),
            io.srs.core.metadata.RecordingMetadata.EMPTY,
            java.util.Map.of(),
            "unclosed <participant> at 3:7");

    Rejected rejected = rejected(coordinator.offer(broken));

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.reason()).contains("unclosed <participant> at 3:7");
  }

  /** An index that remembers what it was given, or fails on demand. */
  private static final class RememberingIndex implements io.srs.core.port.RecordingIndex {
    final List<RecordingSummary> added = new ArrayList<>();
    boolean fail;

    @Override
    public void add(RecordingSummary summary, io.srs.core.port.StoredRecording stored)
        throws java.io.IOException {
      if (fail) {
        throw new java.io.IOException("database is locked");
      }
      added.add(summary);
    }

    @Override
    public java.util.Optional<io.srs.core.port.IndexedRecording> byId(RecordingId id) {
      return java.util.Optional.empty();
    }

    @Override
    public List<io.srs.core.port.IndexedRecording> byGroup(String groupId) {
      return List.of();
    }

    @Override
    public List<io.srs.core.port.IndexedRecording> byField(String f, String v, int limit) {
      return List.of();
    }

    @Override
    public void close() {}
  }

  @Test
  void aFinishedRecordingIsAddedToTheIndexAndItsLatencyMeasured() {
    RememberingIndex index = new RememberingIndex();
    RecordingCoordinator coordinator = coordinator(RecordingOptions.DEFAULT, index);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.BYE);

    assertThat(index.added).extracting(RecordingSummary::id).containsExactly(id);
    assertThat(events.of(Completed.class).get(0).srsLatency()).isEqualTo(java.time.Duration.ZERO);
  }

  @Test
  void anIndexFailureKeepsTheRecordingCompleteAndFlagsIt() {
    RememberingIndex index = new RememberingIndex();
    index.fail = true;
    RecordingCoordinator coordinator = coordinator(RecordingOptions.DEFAULT, index);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();

    coordinator.end(id, EndReason.BYE);

    assertThat(events.of(Completed.class).get(0).flags())
        .contains("index-failed: database is locked");
  }

  @Test
  void aReInviteWithInactiveStreamsPausesThemAndMirrorsTheDirection() {
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();
    coordinator.acknowledge(id);
    List<OfferedStream> inactive = new ArrayList<>();
    for (OfferedStream stream : callerVideoAgent().streams()) {
      inactive.add(
          new OfferedStream(
              stream.index(),
              stream.mediaType(),
              stream.port(),
              stream.transport(),
              stream.formats(),
              MediaDirection.INACTIVE,
              stream.label()));
    }

    UpdateDecision decision =
        coordinator.update(
            id,
            new SessionUpdate(
                SessionUpdate.Trigger.REINVITE,
                T0.plusSeconds(5),
                inactive,
                null,
                null,
                null,
                null));

    assertThat(decision).isInstanceOf(UpdateDecision.Applied.class);
    assertThat(((UpdateDecision.Applied) decision).streams())
        .extracting(s -> s.plan().direction())
        .containsExactly(MediaDirection.INACTIVE, MediaDirection.INACTIVE, MediaDirection.INACTIVE);
    assertThat(media.sessions.get(0).pauses).containsExactly("0 paused PAUSE", "2 paused PAUSE");
    assertThat(events.events).extracting(RecordingEvent::name).contains("recording.paused");
  }

  @Test
  void anUpdateForAnEndedSessionIs481() {
    RecordingCoordinator coordinator = coordinator(10);
    RecordingId id = accepted(coordinator.offer(callerVideoAgent())).id();
    coordinator.end(id, EndReason.BYE);

    UpdateDecision decision =
        coordinator.update(
            id,
            new SessionUpdate(
                SessionUpdate.Trigger.UPDATE,
                T0,
                List.of(),
                "application/rs-metadata+xml",
                new byte[] {'<'},
                null,
                "truncated"));

    assertThat(decision)
        .isEqualTo(new UpdateDecision.Refused(481, "Call/Transaction Does Not Exist", 0, null));
  }

  @Test
  void aRefusalReportedBySipIsPublishedAsRejected() {
    RecordingCoordinator coordinator = coordinator(10);

    coordinator.refused(
        "c@src", 403, RecordingEvent.RejectReason.NOT_SIPREC, "Forbidden - Not a SIPREC INVITE");

    assertThat(events.of(RecordingEvent.Rejected.class))
        .containsExactly(
            new RecordingEvent.Rejected(
                "c@src",
                403,
                RecordingEvent.RejectReason.NOT_SIPREC,
                "Forbidden - Not a SIPREC INVITE"));
  }
}
