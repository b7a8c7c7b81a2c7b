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
  }

  public Begin begin(TransactionKey key, Responder responder) {
    sweep();
    if (pending.size() >= MAX_PENDING) {
      return new Begin.Full();
    }
    PendingInvite invite = new PendingInvite(responder, clock);
    return pending.putIfAbsent(key, invite) == null
        ? new Begin.Started(invite)
        : new Begin.Duplicate();
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
  }
}
