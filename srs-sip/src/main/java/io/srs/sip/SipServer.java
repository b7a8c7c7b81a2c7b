package io.srs.sip;

import io.srs.core.lifecycle.AbstractLifeCycle;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.port.CallSignalling;
import io.srs.core.service.RecordingService;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import io.srs.sip.handler.RequestDispatcher;
import io.srs.sip.handler.Scheduler;
import io.srs.sip.handler.SessionTimerPolicy;
import io.srs.sip.jain.JainSipEndpoint;
import io.srs.sip.message.DialogKey;
import io.srs.sip.siprec.MetadataDecoder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The SIP side of the recorder: a SIPREC UAS (RFC 7866) on UDP, TCP and/or TLS that turns INVITEs
 * into {@link RecordingService#offer} calls and answers with what the domain decided. {@link
 * #start()} binds the listeners, {@link #stop()} releases them; recordings in progress are the
 * domain's to end (the daemon drains the coordinator). As the domain's {@link CallSignalling} it
 * hangs up the calls the recorder ends itself; {@link #stop()} first lets those BYEs go out and be
 * answered.
 */
public final class SipServer extends AbstractLifeCycle implements CallSignalling {

  /** Threads deciding offers (the domain reserves storage and ports there, off SIP threads). */
  static final int OFFER_THREADS = 4;

  /** INVITEs waiting for an offer thread; beyond it, 503 with Retry-After. */
  static final int MAX_QUEUED_OFFERS = 1_000;

  private final SipSettings settings;
  private final RecordingService service;
  private final MetadataDecoder metadataDecoder;
  private final Clock clock;
  private final RandomGenerator random;
  private final SessionTimerPolicy timerPolicy;
  private final TlsFailureListener tlsFailures;
  private ThreadPoolExecutor offerExecutor;
  private ScheduledThreadPoolExecutor timers;
  private volatile JainSipEndpoint endpoint;
  private volatile RequestDispatcher dispatcher;

  public SipServer(SipSettings settings, RecordingService service, MetadataParser metadataParser) {
    this(settings, service, metadataParser, TlsFailureListener.NONE);
  }

  /**
   * @param tlsFailures told about every failed handshake on the TLS listener (each is also logged)
   */
  public SipServer(
      SipSettings settings,
      RecordingService service,
      MetadataParser metadataParser,
      TlsFailureListener tlsFailures) {
    this(
        settings,
        service,
        MetadataDecoder.of(metadataParser),
        Clock.systemUTC(),
        SessionTimerPolicy.STANDARD,
        tlsFailures);
  }

  /**
   * @param metadataDecoder what parses metadata parts; {@link MetadataDecoder#of} adapts core's
   *     parser
   * @param clock stamps each request's arrival
   */
  public SipServer(
      SipSettings settings,
      RecordingService service,
      MetadataDecoder metadataDecoder,
      Clock clock) {
    this(settings, service, metadataDecoder, clock, SessionTimerPolicy.STANDARD);
  }

  /** Tests only: session-timer bounds other than {@link SessionTimerPolicy#STANDARD}'s. */
  SipServer(
      SipSettings settings,
      RecordingService service,
      MetadataDecoder metadataDecoder,
      Clock clock,
      SessionTimerPolicy timerPolicy) {
    this(settings, service, metadataDecoder, clock, timerPolicy, TlsFailureListener.NONE);
  }

  SipServer(
      SipSettings settings,
      RecordingService service,
      MetadataDecoder metadataDecoder,
      Clock clock,
      SessionTimerPolicy timerPolicy,
      TlsFailureListener tlsFailures) {
    this.timerPolicy = Objects.requireNonNull(timerPolicy, "timerPolicy");
    this.tlsFailures = Objects.requireNonNull(tlsFailures, "tlsFailures");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.service = Objects.requireNonNull(service, "service");
    this.metadataDecoder = Objects.requireNonNull(metadataDecoder, "metadataDecoder");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = new SecureRandom();
  }

  public SipSettings settings() {
    return settings;
  }

  /**
   * The port UDP and TCP listen on. JAIN-SIP cannot bind port 0 (it would advertise 0), so this is
   * always the configured port.
   */
  public int port() {
    return settings.port();
  }

  /** The port the TLS listener is on ({@code sip.tls.port}), or -1 without TLS. */
  public int tlsPort() {
    return settings.tls() == null ? -1 : settings.tls().port();
  }

  /** Dialogs in progress (accepted and not yet ended). */
  public int dialogCount() {
    RequestDispatcher current = dispatcher;
    return current == null ? 0 : current.dialogCount();
  }

  @Override
  protected void doStart() throws Exception {
    AtomicInteger threadNumber = new AtomicInteger();
    offerExecutor =
        new ThreadPoolExecutor(
            OFFER_THREADS,
            OFFER_THREADS,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED_OFFERS),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "srs-sip-offer-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
    timers =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "srs-sip-timer");
              thread.setDaemon(true);
              return thread;
            });
    timers.setRemoveOnCancelPolicy(true);
    ScheduledThreadPoolExecutor executor = timers;
    Scheduler scheduler =
        (delay, task) -> {
          ScheduledFuture<?> future =
              executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
          return () -> future.cancel(false);
        };
    dispatcher =
        RequestDispatcher.create(
            settings,
            service,
            metadataDecoder,
            offerExecutor,
            scheduler,
            clock,
            random,
            timerPolicy,
            this::sendBye);
    endpoint = new JainSipEndpoint(settings, dispatcher, clock, random, tlsFailures);
    endpoint.start();
  }

  /**
   * The recorder ended recording {@code id} itself: BYE with a Reason header in its dialog, unless
   * the SRC ended it or the dialog is gone. Any thread; never blocks; a no-op when not running.
   */
  @Override
  public void hangUp(RecordingId id, EndReason reason) {
    RequestDispatcher current = dispatcher;
    if (current != null) {
      current.recordingEnded(id, reason);
    }
  }

  private void sendBye(DialogKey dialog, String reason) {
    JainSipEndpoint current = endpoint;
    if (current != null) {
      current.sendBye(dialog, reason);
    }
  }

  @Override
  protected void doStop() throws Exception {
    try {
      if (endpoint != null) {
        endpoint.stop();
      }
    } finally {
      endpoint = null;
      if (timers != null) {
        timers.shutdownNow();
        timers = null;
      }
      if (offerExecutor != null) {
        offerExecutor.shutdown();
        offerExecutor.awaitTermination(5, TimeUnit.SECONDS);
        offerExecutor = null;
      }
    }
  }

  @Override
  public String toString() {
    return "SipServer["
        + settings.bindAddress()
        + ":"
        + settings.port()
        + " "
        + settings.transports()
        + (settings.tls() == null ? "" : " tls:" + settings.tls().port())
        + "]";
  }
}
