package io.srs.rtp;

import io.netty.channel.EventLoop;
import io.srs.core.lifecycle.AbstractLifeCycle;
import io.srs.core.media.Codec;
import io.srs.core.media.SrtpSuite;
import io.srs.core.media.StaticPayloadTypes;
import io.srs.core.port.MediaReceiverFactory;
import io.srs.core.port.MediaSession;
import io.srs.core.port.MediaSessionSpec;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.MediaUnavailableException;
import io.srs.rtp.codec.PayloadDecoders;
import io.srs.rtp.internal.NettyTransport;
import io.srs.rtp.internal.RtpMediaSession;
import io.srs.rtp.internal.SessionBinder;
import io.srs.rtp.port.PortBlock;
import io.srs.rtp.port.PortBlockAllocator;
import io.srs.rtp.timeline.TrackFormats;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives RTP over UDP with Netty: one contiguous port block per session (stream i on base + 2i,
 * its RTCP on base + 2i + 1), every channel of a session on one event loop.
 */
@SuppressWarnings("try") // LifeCycle.close() throws Exception, as core declares it
public final class RtpMediaReceiverFactory extends AbstractLifeCycle
    implements MediaReceiverFactory {
  private static final Logger log = LoggerFactory.getLogger(RtpMediaReceiverFactory.class);

  /** A session spans at most this many m-lines, recorded or declined. */
  public static final int MAX_M_LINES = 32;

  /** Blocks tried when binding fails (a port taken by another process) before giving up. */
  static final int MAX_BIND_ATTEMPTS = 4;

  /** How long stop() waits for open sessions to flush and close. */
  static final long STOP_TIMEOUT_MILLIS = 10_000;

  /** The codecs this build decodes: the SIP side never answers one we would write as garbage. */
  private static final Set<Codec> SUPPORTED = PayloadDecoders.supportedCodecs();

  private final RtpSettings settings;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final PortBlockAllocator allocator;
  private final Set<RtpMediaSession> open = ConcurrentHashMap.newKeySet();
  private volatile NettyTransport transport;
  private volatile SessionBinder binder;

  /**
   * @param clock the wall clock for {@code mediaStartedAt}; the daemon passes {@code
   *     Clock.systemUTC()}
   * @param nanoTime the monotonic clock stamped on arrivals; the daemon passes {@code
   *     System::nanoTime}
   */
  public RtpMediaReceiverFactory(RtpSettings settings, Clock clock, LongSupplier nanoTime) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.allocator = new PortBlockAllocator(settings.portMin(), settings.portMax());
  }

  @Override
  public Set<Codec> supportedCodecs() {
    return SUPPORTED;
  }

  /** Every suite: io.srs.rtp.srtp unprotects all six (RFC 3711, RFC 6188, RFC 7714). */
  @Override
  public Set<SrtpSuite> supportedSrtpSuites() {
    return EnumSet.allOf(SrtpSuite.class);
  }

  @Override
  public MediaSession open(MediaSessionSpec spec) throws MediaUnavailableException {
    SessionBinder currentBinder = binder;
    NettyTransport currentTransport = transport;
    if (currentBinder == null || currentTransport == null || state() != State.STARTED) {
      throw new MediaUnavailableException("RTP receivers are not running (" + state() + ")");
    }
    checkSpec(spec);
    EventLoop loop = currentTransport.group().next();
    Instant openedAt = clock.instant();
    long openedNanos = nanoTime.getAsLong();
    IOException lastFailure = null;
    for (int attempt = 0; attempt < MAX_BIND_ATTEMPTS; attempt++) {
      PortBlock block = allocator.allocate(spec.mLineCount());
      try {
        RtpMediaSession session =
            currentBinder.bind(spec, block, loop, openedAt, openedNanos, this::released);
        open.add(session);
        return session;
      } catch (IOException e) {
        allocator.release(block); // next-fit: the next attempt starts beyond this block
        lastFailure = e;
        log.warn(
            "{}: port block {} unusable, trying another: {}", spec.id(), block, e.getMessage());
      }
    }
    throw new MediaUnavailableException(
        "could not bind RTP ports for "
            + spec.mLineCount()
            + " m-lines after "
            + MAX_BIND_ATTEMPTS
            + " blocks: "
            + lastFailure.getMessage(),
        lastFailure);
  }

  /** Port pairs not held by a session; for metrics and readiness. */
  public int freePortPairs() {
    return allocator.freePairs();
  }

  /** Sessions whose ports are held. */
  public int openSessions() {
    return open.size();
  }

  @Override
  protected void doStart() throws Exception {
    InetAddress address = InetAddress.getByName(settings.bindAddress()); // a literal: no lookup
    NettyTransport started =
        NettyTransport.start(settings.effectiveIoThreads(), settings.batchIntervalMicros());
    transport = started;
    binder = new SessionBinder(started, address, settings, nanoTime);
    log.info(
        "RTP receivers on {} ports {}..{} ({} {} loops, {} µs batches)",
        settings.bindAddress(),
        settings.portMin(),
        settings.portMax(),
        settings.effectiveIoThreads(),
        started.name(),
        settings.batchIntervalMicros());
  }

  @Override
  protected void doStop() throws Exception {
    binder = null;
    NettyTransport stopping = transport;
    transport = null;
    if (stopping == null) {
      return;
    }
    CompletableFuture<?>[] closing =
        open.stream()
            .map(session -> session.close().toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(closing)
          .exceptionally(ignored -> null)
          .get(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("{} media sessions did not close within {} ms", open.size(), STOP_TIMEOUT_MILLIS);
    } finally {
      stopping.group().shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }

  private void released(RtpMediaSession session) {
    open.remove(session);
    allocator.release(session.portBlock());
  }

  private static void checkSpec(MediaSessionSpec spec) throws MediaUnavailableException {
    if (spec.mLineCount() < 1 || spec.mLineCount() > MAX_M_LINES) {
      throw new MediaUnavailableException(
          "a session needs 1.." + MAX_M_LINES + " m-lines, was " + spec.mLineCount());
    }
    boolean[] seen = new boolean[spec.mLineCount()];
    for (MediaStreamSpec stream : spec.streams()) {
      if (seen[stream.index()]) {
        throw new IllegalArgumentException("stream " + stream.index() + " listed twice");
      }
      seen[stream.index()] = true;
      if (stream.codec() == null || !SUPPORTED.contains(stream.codec())) {
        throw new IllegalArgumentException(
            "stream " + stream.index() + ": codec " + stream.codec() + " is not received here");
      }
      if (stream.payloadType() < 0 || stream.payloadType() > StaticPayloadTypes.MAX_PAYLOAD_TYPE) {
        throw new IllegalArgumentException(
            "stream "
                + stream.index()
                + ": payload type "
                + stream.payloadType()
                + " outside 0..127");
      }
      Objects.requireNonNull(stream.sink(), "stream " + stream.index() + ": sink");
      try {
        TrackFormats.of(stream); // every format decodable to the stored encoding, PTs distinct
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("stream " + stream.index() + ": " + e.getMessage(), e);
      }
    }
  }
}
