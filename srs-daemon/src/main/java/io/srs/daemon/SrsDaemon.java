package io.srs.daemon;

import io.srs.core.fields.ProfileFieldExtractor;
import io.srs.core.lifecycle.AbstractLifeCycle;
import io.srs.core.metadata.MetadataLimits;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.port.MediaSessionSpec.PauseMode;
import io.srs.core.port.RecordingEventListener;
import io.srs.core.port.RecordingIndex;
import io.srs.core.service.RecordingCoordinator;
import io.srs.core.service.RecordingOptions;
import io.srs.core.service.RecordingOptions.MetadataPolicy;
import io.srs.core.session.EndReason;
import io.srs.daemon.config.SrsConfig;
import io.srs.daemon.log.RecordingCounters;
import io.srs.rtp.RtpMediaReceiverFactory;
import io.srs.rtp.RtpSettings;
import io.srs.sip.SipServer;
import io.srs.sip.SipSettings;
import io.srs.sip.SipTransport;
import io.srs.storage.fs.FileSystemRecordingStore;
import io.srs.storage.fs.StorageSettings;
import io.srs.storage.index.SqliteRecordingIndex;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running recorder: wires the modules through core's ports (DESIGN.md "Modules") and owns their
 * lifecycles. Start order is storage, media, then SIP, so no call is answered before it can be
 * recorded; stop order is the reverse, and every call in progress is finalised before media and
 * storage go away.
 */
public final class SrsDaemon extends AbstractLifeCycle {
  private static final Logger log = LoggerFactory.getLogger(SrsDaemon.class);

  private final SrsConfig config;
  private final Clock clock;
  private final RecordingEventListener listener;
  private final RecordingCounters counters = new RecordingCounters();

  private RtpMediaReceiverFactory media;
  private RecordingIndex index;
  private ExecutorService finaliser;
  private RecordingCoordinator coordinator;
  private SipServer sip;
  private Path recordings;

  public SrsDaemon(SrsConfig config, Clock clock, RecordingEventListener listener) {
    this.config = config;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  protected void doStart() throws Exception {
    recordings = config.storage().path().toAbsolutePath().normalize();
    var store =
        new FileSystemRecordingStore(
            new StorageSettings(
                recordings, config.storage().writeBufferBytes(), config.recording().stereo()));
    // Fail fast: a recorder that cannot write must not answer a single call.
    store.verifyWritable();
    index =
        config.storage().indexFile() == null
            ? RecordingIndex.NONE
            : SqliteRecordingIndex.open(config.storage().indexFile().toAbsolutePath());

    media = new RtpMediaReceiverFactory(rtpSettings(config.rtp()), clock, System::nanoTime);
    media.start();

    finaliser = finaliserPool(config.limits().finaliserThreads());
    coordinator =
        new RecordingCoordinator(
            media,
            store,
            finaliser,
            clock,
            new SecureRandom(),
            event -> {
              counters.on(event);
              listener.on(event);
            },
            new RecordingCoordinator.Limits(config.limits().maxSessions()),
            recordingOptions(config),
            ProfileFieldExtractor.withBuiltInProfiles(
                config.metadata().rules().stream().map(SrsConfig.Rule::toFieldRule).toList()),
            index);

    var metadataParser =
        new MetadataParser(
            new MetadataLimits(
                config.metadata().maxBytes(),
                config.metadata().maxDepth(),
                MetadataLimits.DEFAULT.maxElements()));
    sip = new SipServer(sipSettings(config), coordinator, metadataParser);
    sip.start();
  }

  @Override
  protected void doStop() throws Exception {
    if (coordinator != null) {
      int active = coordinator.activeSessions();
      if (active > 0) {
        log.info("stopping: finalising {} recording(s) in progress", active);
      }
      try {
        coordinator
            .endAll(EndReason.SHUTDOWN)
            .get(config.limits().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        log.error(
            "stopping: recordings still finalising after {}; their files are playable and will be"
                + " marked incomplete by recovery",
            config.limits().shutdownGrace());
      }
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
    log.info("recordings since start: {}", counters);
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
        config.recording().dtmfMasking());
  }

  static RtpSettings rtpSettings(SrsConfig.Rtp rtp) {
    return RtpSettings.defaults()
        .withBindAddress(rtp.bind())
        .withPorts(rtp.portMin(), rtp.portMax())
        .withReorderWindow(rtp.reorderWindow())
        .withIoThreads(rtp.ioThreads());
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
        "SRS/" + Version.current());
  }

  private static ExecutorService finaliserPool(int threads) {
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
}
