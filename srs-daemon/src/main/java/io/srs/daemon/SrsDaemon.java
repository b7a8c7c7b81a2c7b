package io.srs.daemon;

import io.srs.core.fields.FieldExtractor;
import io.srs.core.fields.ProfileFieldExtractor;
import io.srs.core.lifecycle.AbstractLifeCycle;
import io.srs.core.media.SrtpPolicy;
import io.srs.core.metadata.MetadataLimits;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.port.MediaSessionSpec.PauseMode;
import io.srs.core.port.RecordingEventListener;
import io.srs.core.port.RecordingIndex;
import io.srs.core.service.RecordingCoordinator;
import io.srs.core.service.RecordingOptions;
import io.srs.core.service.RecordingOptions.MetadataPolicy;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import io.srs.daemon.config.SrsConfig;
import io.srs.daemon.http.HttpEndpoint;
import io.srs.daemon.http.HttpReply;
import io.srs.daemon.http.Readiness;
import io.srs.daemon.log.RecordingCounters;
import io.srs.daemon.metrics.SrsMetrics;
import io.srs.rtp.RtpMediaReceiverFactory;
import io.srs.rtp.RtpSettings;
import io.srs.sip.SipServer;
import io.srs.sip.SipSettings;
import io.srs.sip.SipTransport;
import io.srs.storage.fs.FileSystemRecordingStore;
import io.srs.storage.fs.InFlightRecovery;
import io.srs.storage.fs.RecoveryPass;
import io.srs.storage.fs.StorageSettings;
import io.srs.storage.index.SqliteRecordingIndex;
import io.srs.storage.ledger.Ledger;
import io.srs.storage.ledger.LedgerWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running recorder: wires the modules through core's ports (DESIGN.md "Modules") and owns their
 * lifecycles. Start order is storage, the recovery pass over what a killed process left in flight,
 * media, then SIP, so no call is answered before it can be recorded; the HTTP endpoint (health,
 * metrics) comes last. Stop drains first: new calls are refused while the calls in progress run to
 * their own end for up to {@code limits.drain-seconds}; the rest are then ended (reason SHUTDOWN),
 * each SRC told by a BYE that goes out and is answered before SIP stops, and every recording is
 * finalised before media and storage go away. The HTTP endpoint stops last, so probes see the
 * drain.
 */
public final class SrsDaemon extends AbstractLifeCycle {
  private static final Logger log = LoggerFactory.getLogger(SrsDaemon.class);

  private final SrsConfig config;
  private final Clock clock;
  private final RecordingEventListener listener;
  private final RecordingCounters counters = new RecordingCounters();

  private RtpMediaReceiverFactory media;
  private RecordingIndex index;
  private ThreadPoolExecutor finaliser;
  private RecordingCoordinator coordinator;
  private volatile SipServer sip;
  private Path recordings;
  private SrsMetrics metrics;
  private Readiness readiness;
  private HttpEndpoint http;

  public SrsDaemon(SrsConfig config, Clock clock, RecordingEventListener listener) {
    this.config = config;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  protected void doStart() throws Exception {
    var storage = storageSettings(config);
    recordings = storage.root();
    // Fail fast: a recorder that cannot write must not answer a single call.
    new FileSystemRecordingStore(storage).verifyWritable();
    // Continues the chain (a torn end is recorded, see LedgerWriter) before anything is entered.
    Ledger ledger = LedgerWriter.open(recordings, clock);
    var store = new FileSystemRecordingStore(storage, ledger);
    index = openIndex(config);
    metrics = new SrsMetrics();
    RecordingEventListener events =
        event -> {
          counters.on(event);
          metrics.listener().on(event);
          listener.on(event);
        };
    // Before SIP and readiness: what a killed process left in flight is finalised (incomplete)
    // and findable before any new call is answered (DESIGN.md "Crash safety").
    recoveryPass(config, storage, index, ledger, events).run();

    media = new RtpMediaReceiverFactory(rtpSettings(config.rtp()), clock, System::nanoTime);
    media.start();

    finaliser = finaliserPool(config.limits().finaliserThreads());
    coordinator =
        RecordingCoordinator.builder(
                media,
                store,
                finaliser,
                new RecordingCoordinator.Limits(config.limits().maxSessions()))
            .clock(clock)
            .random(new SecureRandom())
            .listener(events)
            .options(recordingOptions(config))
            .fieldExtractor(fieldExtractor(config))
            .index(index)
            .signalling(this::hangUp)
            .build();

    sip = new SipServer(sipSettings(config), coordinator, metadataParser(config), metrics.tls());
    sip.start();

    registerGauges();
    Path root = recordings;
    readiness =
        new Readiness(
            coordinator::isDraining,
            coordinator::acceptingCalls,
            store::verifyWritable,
            () -> Files.getFileStore(root).getUsableSpace(),
            config.storage().minFreeBytes(),
            System::nanoTime);
    if (config.http().enabled()) {
      Map<String, Supplier<HttpReply>> routes =
          Map.of(
              "/health/live", () -> HttpReply.json(200, "{\"status\":\"live\"}\n"),
              "/health/ready", readiness::reply,
              "/metrics", metrics::reply);
      http = new HttpEndpoint(config.http().bind(), config.http().port(), routes);
      http.start();
    }
  }

  /**
   * The start-up recovery pass over {@code storage}, finalising with the same metadata limits,
   * field rules and required fields as a call that ends normally. Shared by {@code srs run} and
   * {@code srs recover}. Each recovered recording is entered in {@code ledger}.
   */
  /** Where and how recordings are written: {@code storage.*} (the root made absolute). */
  public static StorageSettings storageSettings(SrsConfig config) {
    return new StorageSettings(
        config.storage().path(), config.storage().writeBufferBytes(), config.recording().stereo());
  }

  /** The configured index, or {@link RecordingIndex#NONE} when {@code storage.index} is none. */
  public static RecordingIndex openIndex(SrsConfig config) throws IOException {
    return config.storage().indexFile() == null
        ? RecordingIndex.NONE
        : SqliteRecordingIndex.open(config.storage().indexFile().toAbsolutePath());
  }

  public static RecoveryPass recoveryPass(
      SrsConfig config,
      StorageSettings storage,
      RecordingIndex index,
      Ledger ledger,
      RecordingEventListener listener) {
    return new RecoveryPass(
        storage,
        new InFlightRecovery(
            metadataParser(config),
            fieldExtractor(config),
            config.metadata().requiredFields(),
            index,
            ledger),
        listener);
  }

  static MetadataParser metadataParser(SrsConfig config) {
    return new MetadataParser(
        new MetadataLimits(
            config.metadata().maxBytes(),
            config.metadata().maxDepth(),
            MetadataLimits.DEFAULT.maxElements()));
  }

  static FieldExtractor fieldExtractor(SrsConfig config) {
    return ProfileFieldExtractor.withBuiltInProfiles(
        config.metadata().rules().stream().map(SrsConfig.Rule::toFieldRule).toList());
  }

  /**
   * The recorder ended a call itself: the SIP side sends the BYE. The coordinator is built before
   * the SIP server it answers to, but no call exists before that server has started.
   */
  private void hangUp(RecordingId id, EndReason reason) {
    SipServer current = sip;
    if (current != null) {
      current.hangUp(id, reason);
    }
  }

  private void registerGauges() {
    metrics.gauge(
        "srs.sessions.active",
        "Recording sessions in progress, finalising included",
        coordinator::activeSessions);
    metrics.gauge(
        "srs.sessions.finalising",
        "Recordings whose call ended and whose finalisation has not finished",
        coordinator::finalisingSessions);
    metrics.gauge(
        "srs.finaliser.backlog",
        "Finalisations queued for a finaliser thread",
        () -> finaliser.getQueue().size());
    metrics.gauge(
        "srs.rtp.port.pairs.free", "RTP/RTCP port pairs not held by a call", media::freePortPairs);
    int totalPairs = (config.rtp().portMax() - config.rtp().portMin() + 1) / 2;
    metrics.gauge(
        "srs.rtp.port.pairs.capacity", "RTP/RTCP port pairs in rtp.ports", () -> totalPairs);
    metrics.flag(
        "srs.draining", "1 while SIGTERM drains: new calls get 503", coordinator::isDraining);
  }

  @Override
  protected void doStop() throws Exception {
    if (coordinator != null) {
      drainThenEnd();
    }
    if (sip != null) {
      sip.stop();
    }
    if (media != null) {
      media.stop();
    }
    if (finaliser != null) {
      finaliser.shutdown();
      finaliser.awaitTermination(config.limits().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    }
    if (index != null) {
      index.close(); // after the finalisers: every finished recording is indexed first
    }
    if (http != null) {
      http.stop();
    }
    if (metrics != null) {
      metrics.close();
    }
    log.info("recordings since start: {}", counters);
  }

  /**
   * SIGTERM: refuse new calls, let those in progress end on their own up to limits.drain-seconds,
   * then end the rest and wait up to limits.shutdown-grace-seconds for their finalisation.
   */
  private void drainThenEnd() throws Exception {
    var drain = config.limits().drain();
    var grace = config.limits().shutdownGrace();
    var drained = coordinator.drain();
    log.info(
        "stopping: draining; new calls refused (503), {} recording(s) in progress may run up to {}s"
            + " to their end",
        coordinator.activeSessions(),
        drain.toSeconds());
    try {
      drained.get(drain.toMillis(), TimeUnit.MILLISECONDS);
      log.info("stopping: drained; no recording in progress");
    } catch (TimeoutException e) {
      log.info(
          "stopping: drain limit of {}s reached; ending {} recording(s) with reason SHUTDOWN"
              + " (BYE to each SRC)",
          drain.toSeconds(),
          coordinator.activeSessions());
    }
    try {
      coordinator.endAll(EndReason.SHUTDOWN).get(grace.toMillis(), TimeUnit.MILLISECONDS);
      log.info("stopping: every recording finalised");
    } catch (TimeoutException e) {
      log.error(
          "stopping: recordings still finalising after {}s; their files are playable and will be"
              + " marked incomplete by recovery",
          grace.toSeconds());
    }
  }

  static RecordingOptions recordingOptions(SrsConfig config) {
    return new RecordingOptions(
        config.metadata().policy().equals("strict")
            ? MetadataPolicy.STRICT
            : MetadataPolicy.LENIENT,
        config.metadata().requiredFields(),
        config.recording().format().equals("pcm16"),
        config.rtp().inactivityTimeout(),
        config.recording().pauseMode().equals("cut") ? PauseMode.CUT : PauseMode.SILENCE,
        config.recording().dtmfMasking(),
        new SrtpPolicy(
            config.srtp().policy().equals("required")
                ? SrtpPolicy.Mode.REQUIRED
                : SrtpPolicy.Mode.OPTIONAL,
            config.srtp().suites()));
  }

  static RtpSettings rtpSettings(SrsConfig.Rtp rtp) {
    return RtpSettings.defaults()
        .withBindAddress(rtp.bind())
        .withPorts(rtp.portMin(), rtp.portMax())
        .withReorderWindow(rtp.reorderWindow())
        .withIoThreads(rtp.ioThreads())
        .withBatchIntervalMicros(rtp.batchIntervalMicros())
        .withRelatchQuietMillis(rtp.relatchAfterMillis());
  }

  static SipSettings sipSettings(SrsConfig config) {
    Set<SipTransport> transports = EnumSet.noneOf(SipTransport.class);
    for (String transport : config.sip().transports()) {
      transports.add(SipTransport.valueOf(transport.toUpperCase(Locale.ROOT)));
    }
    return new SipSettings(
        config.sip().bind(),
        config.sip().port(),
        transports,
        config.rtp().advertise(),
        config.sip().maxMessageBytes(),
        config.sip().udpReceiveBufferBytes(),
        "SRS/" + Version.current(),
        config.sip().tls(),
        config.sip().allowedSources());
  }

  private static ThreadPoolExecutor finaliserPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "srs-finaliser-" + count.incrementAndGet());
          thread.setDaemon(false);
          return thread;
        };
    // Bounded threads; the queue holds at most one task per session, and sessions are bounded by
    // limits.max-sessions, so it cannot grow without bound.
    return new ThreadPoolExecutor(
        threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
  }

  /** Outcome counts, the metadata match rate among them. */
  public RecordingCounters counters() {
    return counters;
  }

  /** The index recordings are added to once final ({@link RecordingIndex#NONE} when off). */
  public RecordingIndex index() {
    return index;
  }

  public Path recordings() {
    return recordings;
  }

  public RecordingCoordinator coordinator() {
    return coordinator;
  }

  public SrsConfig config() {
    return config;
  }

  /** The HTTP endpoint's port, or 0 when http.port is 0. */
  public int httpPort() {
    return http == null ? 0 : http.port();
  }

  /** The meter registry behind /metrics. */
  public SrsMetrics metrics() {
    return metrics;
  }

  /** The verdict behind /health/ready. */
  public Readiness readiness() {
    return readiness;
  }
}
