package io.srs.rtp.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.srs.core.media.SrtpKeys;
import io.srs.core.port.GapCause;
import io.srs.core.port.MediaActivityListener;
import io.srs.core.port.MediaReport;
import io.srs.core.port.MediaSession;
import io.srs.core.port.MediaSessionSpec;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline;
import io.srs.core.session.RecordingId;
import io.srs.rtp.port.PortBlock;
import io.srs.rtp.timeline.SessionTimeline;
import io.srs.rtp.timeline.TrackPlacer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receivers of one session. Every channel of the session is registered on one event loop, so
 * the timeline, the placers, the SRTP contexts and the counters are confined to it: no locks on the
 * packet path. {@link #close()}, {@link #rtpPort}, {@link #setPaused} and {@link #rekey} are called
 * from other threads and hand their work to the loop.
 */
public final class RtpMediaSession implements MediaSession {
  private static final Logger log = LoggerFactory.getLogger(RtpMediaSession.class);

  /** The inactivity check runs at most this often... */
  static final long MAX_CHECK_PERIOD_NANOS = 1_000_000_000L;

  /** ...and at least this often, a quarter of a short timeout but never busier than this. */
  static final long MIN_CHECK_PERIOD_NANOS = 10_000_000L;

  private final RecordingId id;
  private final long inactivityTimeoutNanos;
  private final MediaActivityListener activity;
  private final EventLoop loop;
  private final PortBlock block;
  private final SessionTimeline timeline;
  private final LongSupplier nanoTime;
  private final int datagramLimit;
  private final long relatchQuietNanos;
  private final Consumer<RtpMediaSession> onReleased;
  private final List<StreamReceiver> streams = new ArrayList<>();
  private final List<Channel> channels = new ArrayList<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CompletableFuture<MediaReport> closed = new CompletableFuture<>();
  private boolean accepting;
  private int channelsOpen;
  private long lastMediaNanos;
  private boolean inactivityReported;
  private ScheduledFuture<?> inactivityCheck;

  RtpMediaSession(
      MediaSessionSpec spec,
      EventLoop loop,
      PortBlock block,
      SessionTimeline timeline,
      LongSupplier nanoTime,
      int datagramLimit,
      long relatchQuietNanos,
      Consumer<RtpMediaSession> onReleased) {
    this.id = spec.id();
    this.inactivityTimeoutNanos = spec.inactivityTimeout().toNanos();
    this.activity = spec.activity();
    this.loop = loop;
    this.block = block;
    this.timeline = timeline;
    this.nanoTime = nanoTime;
    this.datagramLimit = datagramLimit;
    this.relatchQuietNanos = relatchQuietNanos;
    this.onReleased = onReleased;
  }

  @Override
  public int rtpPort(int index) {
    return block.rtpPort(index);
  }

  /** The block the session holds; given back to the allocator when it closes. */
  public PortBlock portBlock() {
    return block;
  }

  @Override
  public void setPaused(int index, boolean paused, GapCause cause) {
    if (paused && cause != GapCause.PAUSE && cause != GapCause.HOLD) {
      throw new IllegalArgumentException("a pause is PAUSE or HOLD, was " + cause);
    }
    try {
      loop.execute(() -> applyPause(index, paused, cause));
    } catch (RejectedExecutionException e) {
      log.debug("{} stream {}: pause change after the loop stopped, ignored", id, index);
    }
  }

  private void applyPause(int index, boolean paused, GapCause cause) {
    if (!accepting) {
      return;
    }
    long now = nanoTime.getAsLong();
    for (StreamReceiver stream : streams) {
      if (stream.index() == index) {
        log.info("{} stream {}: {}", id, index, paused ? "paused (" + cause + ")" : "resumed");
        stream.setPaused(paused, cause, now);
        if (!paused) {
          lastMediaNanos = Math.max(lastMediaNanos, now); // silence is counted from the resume
        }
      }
    }
  }

  @Override
  public void rekey(int index, SrtpKeys keys) {
    Objects.requireNonNull(keys, "keys");
    try {
      loop.execute(() -> applyRekey(index, keys));
    } catch (RejectedExecutionException e) {
      log.debug("{} stream {}: re-key after the loop stopped, ignored", id, index);
    }
  }

  private void applyRekey(int index, SrtpKeys keys) {
    if (!accepting) {
      return;
    }
    for (StreamReceiver stream : streams) {
      if (stream.index() == index) {
        stream.rekey(keys);
      }
    }
  }

  /** A packet arrived on an unpaused stream: the session is alive. */
  void mediaArrived(long arrivalNanos) {
    lastMediaNanos = arrivalNanos;
  }

  /**
   * The inactivity check, on the loop: no packet on any unpaused stream for the timeout tells the
   * listener once. A session whose streams are all paused does not time out.
   */
  private void checkInactivity() {
    if (!accepting || inactivityReported) {
      return;
    }
    boolean allPaused = !streams.isEmpty();
    for (StreamReceiver stream : streams) {
      allPaused &= stream.paused();
    }
    long now = nanoTime.getAsLong();
    if (allPaused) {
      lastMediaNanos = now;
      return;
    }
    long silentFor = now - lastMediaNanos;
    if (silentFor >= inactivityTimeoutNanos) {
      inactivityReported = true;
      inactivityCheck.cancel(false);
      log.info("{}: no media for {} ms", id, silentFor / 1_000_000);
      try {
        activity.mediaInactive(id, Duration.ofNanos(silentFor));
      } catch (RuntimeException e) {
        log.error("{}: inactivity listener failed", id, e);
      }
    }
  }

  @Override
  public CompletionStage<MediaReport> close() {
    if (closing.compareAndSet(false, true)) {
      try {
        loop.execute(this::closeOnLoop);
      } catch (RejectedExecutionException e) {
        // The loop is gone (shutdown): nothing more can be written; give the ports back.
        onReleased.accept(this);
        closed.completeExceptionally(e);
      }
    }
    return closed;
  }

  /** Stats so far, computed on the session's loop (for metrics and tests). */
  public CompletionStage<List<StreamStats>> stats() {
    CompletableFuture<List<StreamStats>> result = new CompletableFuture<>();
    loop.execute(
        () -> {
          List<StreamStats> all = new ArrayList<>(streams.size());
          for (StreamReceiver stream : streams) {
            all.add(stream.stats());
          }
          result.complete(all);
        });
    return result;
  }

  RecordingId id() {
    return id;
  }

  boolean accepting() {
    return accepting;
  }

  long nanoTime() {
    return nanoTime.getAsLong();
  }

  /** How long a stream's source must be silent before a newcomer may take it over; 0: never. */
  long relatchQuietNanos() {
    return relatchQuietNanos;
  }

  int datagramLimit() {
    return datagramLimit;
  }

  SessionTimeline timeline() {
    return timeline;
  }

  void add(StreamReceiver stream) {
    streams.add(stream);
  }

  void add(Channel channel) {
    channels.add(channel);
  }

  /**
   * Starts taking packets once every channel is bound, and waits until the loop has seen it: when
   * {@code open} returns, the first packet is placed (the answer may reach the SRC at once).
   */
  void activate() {
    loop.submit(
            () -> {
              accepting = !closing.get();
              lastMediaNanos = nanoTime.getAsLong();
              if (accepting && inactivityTimeoutNanos > 0) {
                long period =
                    Math.max(
                        MIN_CHECK_PERIOD_NANOS,
                        Math.min(MAX_CHECK_PERIOD_NANOS, inactivityTimeoutNanos / 4));
                inactivityCheck =
                    loop.scheduleAtFixedRate(
                        this::checkInactivity, period, period, TimeUnit.NANOSECONDS);
              }
            })
        .awaitUninterruptibly();
  }

  /**
   * Undoes a half-bound session from the opening thread: closes its channels and waits, without
   * touching any sink or the port block. Never activated, so no packet was placed.
   */
  void abandon() {
    closing.set(true);
    for (Channel channel : channels) {
      channel.close().awaitUninterruptibly();
    }
    closed.completeExceptionally(new IllegalStateException("session " + id + " was never opened"));
  }

  private void closeOnLoop() {
    accepting = false;
    if (inactivityCheck != null) {
      inactivityCheck.cancel(false);
    }
    MediaReport report = null;
    RuntimeException failure = null;
    try {
      report = finishTracks();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (StreamReceiver stream : streams) {
      if (stream.failure() != null && stream.failure() != failure) {
        if (failure == null) {
          failure = new IllegalStateException("stream " + stream.index() + " failed");
        }
        failure.addSuppressed(stream.failure());
      }
    }
    MediaReport done = report;
    RuntimeException error = failure;
    channelsOpen = channels.size();
    if (channelsOpen == 0) {
      complete(done, error);
      return;
    }
    for (Channel channel : channels) {
      // Listeners run on this loop: the counter needs no synchronisation.
      channel
          .close()
          .addListener(
              future -> {
                if (--channelsOpen == 0) {
                  complete(done, error);
                }
              });
    }
  }

  /**
   * Flushes every window, then pads every track to the session's end: the later of now and the
   * longest track, so all tracks share one length.
   */
  private MediaReport finishTracks() {
    for (StreamReceiver stream : streams) {
      stream.flush();
    }
    List<TrackPlacer> placers = new ArrayList<>(streams.size());
    for (StreamReceiver stream : streams) {
      placers.add(stream.placer());
    }
    long endNanos = timeline.endNanos(nanoTime.getAsLong(), placers);
    List<StreamStats> stats = new ArrayList<>(streams.size());
    List<StreamTimeline> timelines = new ArrayList<>(streams.size());
    for (StreamReceiver stream : streams) {
      var placer = stream.placer();
      try {
        stream.padTo(SessionTimeline.samplesIn(endNanos, placer.sampleRate()));
      } catch (RuntimeException e) {
        stream.fail(e);
      }
      StreamStats streamStats = stream.stats();
      stats.add(streamStats);
      timelines.add(placer.timeline());
      if (streamStats.packetsAuthFailed() > 0 && streamStats.packetsReceived() == 0) {
        log.warn(
            "{} stream {}: all {} SRTP packets failed authentication: the track is silence",
            id,
            stream.index(),
            streamStats.packetsAuthFailed());
      }
      if (placer.gapsOmitted() > 0) {
        log.warn(
            "{} stream {}: {} gaps beyond the timeline's cap were written but not listed",
            id,
            stream.index(),
            placer.gapsOmitted());
      }
      if (stream.rtcpPackets() > 0 && log.isDebugEnabled()) {
        log.debug(
            "{} stream {}: {} RTCP packets, {} sender reports, {} refused by SRTCP",
            id,
            stream.index(),
            stream.rtcpPackets(),
            stream.senderReports(),
            stream.rtcpRefused());
      }
      stream.wipeKeys();
    }
    // The tracks' common length, on their sample grid (now - origin is not a whole sample).
    long length = timeline.endNanos(timeline.originNanos(), placers);
    return new MediaReport(timeline.origin(), Duration.ofNanos(length), stats, timelines);
  }

  private void complete(MediaReport report, RuntimeException failure) {
    onReleased.accept(this);
    if (failure != null) {
      closed.completeExceptionally(failure);
    } else {
      closed.complete(report);
    }
  }
}
