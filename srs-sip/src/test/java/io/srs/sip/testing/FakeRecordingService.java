package io.srs.sip.testing;

import io.srs.core.media.Codec;
import io.srs.core.media.StreamPlan;
import io.srs.core.media.StreamPlanner;
import io.srs.core.service.OfferDecision;
import io.srs.core.service.OfferDecision.AnsweredStream;
import io.srs.core.service.RecordingOffer;
import io.srs.core.service.RecordingService;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A hand-written RecordingService: plans with core's real {@link StreamPlanner} (PCMU and PCMA),
 * gives recorded streams ports 40000, 40002, ..., and rejects with 488 when nothing is recordable,
 * like the coordinator. Records every call. Optionally blocks in offer() on a latch.
 */
public final class FakeRecordingService implements RecordingService {

  public record End(RecordingId id, EndReason reason) {}

  public final List<RecordingOffer> offers = new CopyOnWriteArrayList<>();
  public final List<RecordingId> acknowledged = new CopyOnWriteArrayList<>();
  public final List<End> ended = new CopyOnWriteArrayList<>();
  public final List<RecordingId> accepted = new CopyOnWriteArrayList<>();
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

  /** Updates seen, in order; answered as applied with no new streams. */
  public final java.util.List<io.srs.core.service.SessionUpdate> updates =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public io.srs.core.service.UpdateDecision update(
      RecordingId id, io.srs.core.service.SessionUpdate update) {
    updates.add(update);
    return new io.srs.core.service.UpdateDecision.Applied(java.util.List.of());
  }

  @Override
  public void acknowledge(RecordingId id) {
    acknowledged.add(id);
  }

  @Override
  public void end(RecordingId id, EndReason reason) {
    ended.add(new End(id, reason));
  }

  @Override
  public boolean acceptingCalls() {
    return acceptingCalls;
  }
}
