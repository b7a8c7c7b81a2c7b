package io.srs.sip.handler;

import io.srs.sip.message.TransactionKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Initial INVITEs by server transaction, so a CANCEL finds its INVITE and a retransmitted INVITE
 * that slipped past the transaction layer never makes a second recording. A finished entry is kept
 * for {@link #RETENTION} (64*T1, RFC 3261 §17.2.1 Timer H / RFC 6026 Timer L), then swept lazily.
 */
public final class PendingInvites {

  /** Bound on INVITE transactions remembered; far above any SRC's call rate times RETENTION. */
  public static final int MAX_PENDING = 50_000;

  /** 64*T1 with T1 = 500 ms: how long an INVITE transaction can still see retransmissions. */
  public static final Duration RETENTION = Duration.ofSeconds(32);

  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  private final Map<TransactionKey, PendingInvite> pending = new ConcurrentHashMap<>();

  /**
   * The first transaction seen for each request identity (Call-ID, From tag, CSeq): a second
   * transaction with the same identity is the same request arriving by another path (RFC 3261
   * §8.2.2.2, a forked or looped INVITE), never a second call.
   */
  private final Map<String, TransactionKey> firstByRequest = new ConcurrentHashMap<>();

  private final Clock clock;
  private volatile Instant lastSweep;

  public PendingInvites(Clock clock) {
    this.clock = clock;
    this.lastSweep = clock.instant();
  }

  /** The outcome of {@link #begin}. */
  public sealed interface Begin {
    /** A new INVITE: answer it through the invite. */
    record Started(PendingInvite invite) implements Begin {}

    /** A retransmission of an INVITE we already handle: ignore it. */
    record Duplicate() implements Begin {}

    /** Too many INVITEs in flight: refuse with 503. */
    record Full() implements Begin {}

    /** The same request by another path (RFC 3261 §8.2.2.2): refuse with 482. */
    record Merged() implements Begin {}
  }

  /**
   * Starts an initial INVITE's transaction.
   *
   * @param requestIdentity Call-ID, From tag and CSeq of the request
   */
  public Begin begin(TransactionKey key, String requestIdentity, Responder responder) {
    sweep();
    if (pending.size() >= MAX_PENDING) {
      return new Begin.Full();
    }
    PendingInvite invite = new PendingInvite(responder, clock);
    if (pending.putIfAbsent(key, invite) != null) {
      return new Begin.Duplicate();
    }
    TransactionKey first = firstByRequest.putIfAbsent(requestIdentity, key);
    if (first != null && !first.equals(key)) {
      pending.remove(key, invite);
      return new Begin.Merged();
    }
    return new Begin.Started(invite);
  }

  public Optional<PendingInvite> find(TransactionKey key) {
    return Optional.ofNullable(pending.get(key));
  }

  public int size() {
    return pending.size();
  }

  private void sweep() {
    Instant now = clock.instant();
    if (now.isBefore(lastSweep.plus(SWEEP_INTERVAL))) {
      return;
    }
    lastSweep = now;
    Instant cutoff = now.minus(RETENTION);
    pending
        .values()
        .removeIf(
            invite -> {
              Instant finished = invite.finishedAt();
              return finished != null && finished.isBefore(cutoff);
            });
    firstByRequest.values().removeIf(key -> !pending.containsKey(key));
  }
}
