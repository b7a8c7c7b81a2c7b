package io.srs.sip.testing;

import io.srs.core.media.Codec;
import io.srs.core.media.StreamPlan;
import io.srs.core.media.StreamPlanner;
import io.srs.core.service.OfferDecision;
import io.srs.core.service.OfferDecision.AnsweredStream;
import io.srs.core.service.RecordingOffer;
import io.srs.core.service.RecordingService;
import io.srs.core.service.SessionUpdate;
import io.srs.core.service.UpdateDecision;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A hand-written RecordingService: plans with core's real {@link StreamPlanner} (PCMU and PCMA),
 * gives recorded streams ports 40000, 40002, ..., and rejects with 488 when nothing is recordable,
 * like the coordinator; mirrors updates ({@link #mirror}). Records every call. Optionally blocks in
 * offer() on a latch.
 */
public final class FakeRecordingService implements RecordingService {

  public record End(RecordingId id, EndReason reason) {}

  public final List<RecordingOffer> offers = new CopyOnWriteArrayList<>();
  public final List<RecordingId> acknowledged = new CopyOnWriteArrayList<>();
  public final List<End> ended = new CopyOnWriteArrayList<>();
  public final List<RecordingId> accepted = new CopyOnWriteArrayList<>();

  /** Refusals the SIP side reported, as "status reason". */
  public final List<String> refusals = new CopyOnWriteArrayList<>();

  @Override
  public void refused(
      String callId,
      int status,
      io.srs.core.port.RecordingEvent.RejectReason reason,
      String detail) {
    refusals.add(status + " " + reason.label());
  }

  /** Updates seen, in order. */
  public final List<SessionUpdate> updates = new CopyOnWriteArrayList<>();

  /** {@code update REINVITE}, {@code end BYE}...: updates and ends in the order they came. */
  public final List<String> calls = new CopyOnWriteArrayList<>();

  private final Map<RecordingId, Integer> streamCounts = new ConcurrentHashMap<>();
  private volatile BiFunction<RecordingId, SessionUpdate, UpdateDecision> updateDecider =
      this::mirror;
  public volatile boolean acceptingCalls = true;
  public volatile CountDownLatch offerEntered = new CountDownLatch(1);
  private volatile CountDownLatch release;
  private volatile Function<RecordingOffer, OfferDecision> decider = this::plan;
  private final Random random = new Random(7);
  private final StreamPlanner planner = new StreamPlanner(EnumSet.of(Codec.PCMU, Codec.PCMA));

  /** Forgets every call and restores the defaults, for a server shared by several tests. */
  public void reset() {
    offers.clear();
    acknowledged.clear();
    ended.clear();
    accepted.clear();
    updates.clear();
    calls.clear();
    streamCounts.clear();
    updateDecider = this::mirror;
    acceptingCalls = true;
    offerEntered = new CountDownLatch(1);
    release = null;
    decider = this::plan;
  }

  /** Makes offer() wait until {@link #release()} is called. */
  public FakeRecordingService blockOffers() {
    release = new CountDownLatch(1);
    return this;
  }

  public void release() {
    release.countDown();
  }

  public FakeRecordingService decideWith(Function<RecordingOffer, OfferDecision> function) {
    decider = function;
    return this;
  }

  @Override
  public OfferDecision offer(RecordingOffer offer) {
    offers.add(offer);
    offerEntered.countDown();
    CountDownLatch latch = release;
    if (latch != null) {
      try {
        latch.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    OfferDecision decision = decider.apply(offer);
    if (decision instanceof OfferDecision.Accepted a) {
      accepted.add(a.id());
      streamCounts.put(a.id(), a.streams().size());
    }
    return decision;
  }

  /** What the coordinator would decide, minus storage and media. */
  public OfferDecision plan(RecordingOffer offer) {
    List<StreamPlan> plans = planner.plan(offer.streams());
    if (plans.stream().noneMatch(StreamPlan::isRecorded)) {
      return new OfferDecision.Rejected(
          488, "Not Acceptable Here", 305, "No recordable media offered", 0);
    }
    List<AnsweredStream> streams = new ArrayList<>();
    for (StreamPlan plan : plans) {
      streams.add(new AnsweredStream(plan, plan.isRecorded() ? 40000 + 2 * plan.index() : 0));
    }
    return new OfferDecision.Accepted(RecordingId.generate(Instant.now(), random), streams);
  }

  /**
   * Mirrors what the coordinator does with an update, minus media: each m-line planned again with
   * the same port (so directions are mirrored: {@code inactive} answered {@code inactive}), m-lines
   * beyond the original offer declined with port 0; no offer, no streams.
   */
  public UpdateDecision mirror(RecordingId id, SessionUpdate update) {
    int original = streamCounts.getOrDefault(id, 0);
    List<AnsweredStream> streams = new ArrayList<>();
    for (StreamPlan plan : planner.plan(update.streams())) {
      if (plan.index() >= original) {
        streams.add(
            new AnsweredStream(StreamPlan.declined(plan.offer(), "stream added mid-call"), 0));
      } else {
        streams.add(new AnsweredStream(plan, plan.isRecorded() ? 40000 + 2 * plan.index() : 0));
      }
    }
    return new UpdateDecision.Applied(streams);
  }

  /** Decides updates with {@code function} instead of {@link #mirror}. */
  public FakeRecordingService decideUpdatesWith(
      BiFunction<RecordingId, SessionUpdate, UpdateDecision> function) {
    updateDecider = function;
    return this;
  }

  @Override
  public UpdateDecision update(RecordingId id, SessionUpdate update) {
    updates.add(update);
    calls.add("update " + update.trigger());
    return updateDecider.apply(id, update);
  }

  @Override
  public void acknowledge(RecordingId id) {
    acknowledged.add(id);
  }

  @Override
  public void end(RecordingId id, EndReason reason) {
    ended.add(new End(id, reason));
    calls.add("end " + reason);
  }

  @Override
  public boolean acceptingCalls() {
    return acceptingCalls;
  }
}
