package io.srs.core.service;

import io.srs.core.media.Codec;
import io.srs.core.media.SrtpSuite;
import io.srs.core.port.MediaReceiverFactory;
import io.srs.core.port.MediaReport;
import io.srs.core.port.MediaSession;
import io.srs.core.port.MediaSessionSpec;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.MediaUnavailableException;
import io.srs.core.port.RawMetadata;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingEventListener;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.RecordingStore;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.StoredRecording;
import io.srs.core.port.StreamStats;
import io.srs.core.port.TrackSink;
import io.srs.core.port.TrackSpec;
import io.srs.core.session.RecordingId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small hand-written fakes of core's ports, recording what they were asked. */
final class Fakes {
  private Fakes() {}

  static final Instant T0 = Instant.parse("2026-11-25T18:50:46Z");
  static final Duration CALL_LENGTH = Duration.ofSeconds(42);

  /** Opens {@link Media} sessions on port blocks 40000, 40100, ... */
  static final class MediaFactory implements MediaReceiverFactory {
    final List<MediaSessionSpec> opened = new ArrayList<>();
    final List<Media> sessions = new ArrayList<>();
    Set<Codec> supported = EnumSet.allOf(Codec.class);
    Set<SrtpSuite> srtpSuites = EnumSet.allOf(SrtpSuite.class);
    MediaUnavailableException failWith;

    /** When true, sessions' close stages stay pending until the test completes them. */
    boolean closeLater;

    RuntimeException closeThrows;
    RuntimeException rtpPortThrows;

    @Override
    public Set<Codec> supportedCodecs() {
      return supported;
    }

    @Override
    public Set<SrtpSuite> supportedSrtpSuites() {
      return srtpSuites;
    }

    @Override
    public MediaSession open(MediaSessionSpec spec) throws MediaUnavailableException {
      if (failWith != null) {
        throw failWith;
      }
      opened.add(spec);
      Media media = new Media(40000 + 100 * sessions.size(), spec, this);
      sessions.add(media);
      return media;
    }
  }

  static final class Media implements MediaSession {
    final int base;
    final MediaSessionSpec spec;
    private final MediaFactory factory;
    final CompletableFuture<MediaReport> closing = new CompletableFuture<>();
    final java.util.List<String> pauses = new java.util.ArrayList<>();
    final java.util.List<String> rekeys = new java.util.ArrayList<>();
    int closeCalls;

    Media(int base, MediaSessionSpec spec, MediaFactory factory) {
      this.base = base;
      this.spec = spec;
      this.factory = factory;
    }

    @Override
    public int rtpPort(int index) {
      if (factory.rtpPortThrows != null) {
        throw factory.rtpPortThrows;
      }
      return base + 2 * index;
    }

    @Override
    public void setPaused(int index, boolean paused, io.srs.core.port.GapCause cause) {
      pauses.add(index + (paused ? " paused " + cause : " resumed"));
    }

    @Override
    public void rekey(int index, io.srs.core.media.SrtpKeys keys) {
      rekeys.add(index + " " + keys);
    }

    @Override
    public CompletionStage<MediaReport> close() {
      closeCalls++;
      if (factory.closeThrows != null) {
        throw factory.closeThrows;
      }
      if (!factory.closeLater) {
        completeClose();
      }
      return closing;
    }

    /** Completes the close with a report holding one stats entry per recorded stream. */
    void completeClose() {
      List<StreamStats> stats = new ArrayList<>();
      for (MediaStreamSpec stream : spec.streams()) {
        stats.add(
            new StreamStats(
                stream.index(), 2100, 2100, 0, 0, 0, 0, 336_000, 0, 0x1234, 0, T0, 0, 0));
      }
      closing.complete(new MediaReport(T0, CALL_LENGTH, stats));
    }
  }

  /** Creates {@link Handle}s, or fails when told to. */
  static final class Store implements RecordingStore {
    final List<Handle> handles = new ArrayList<>();
    IOException failWith;
    IOException openTrackFails;
    IOException finishFails;
    int createCalls;

    @Override
    public RecordingHandle create(RecordingId id, String callId, Instant createdAt)
        throws IOException {
      createCalls++;
      if (failWith != null) {
        throw failWith;
      }
      Handle handle = new Handle(id, this);
      handles.add(handle);
      return handle;
    }

    @Override
    public String describe() {
      return "fake store";
    }
  }

  static final class Handle implements RecordingHandle {
    final RecordingId id;
    private final Store store;
    final List<TrackSpec> tracks = new ArrayList<>();
    final List<RawMetadata> metadata = new ArrayList<>();
    final List<RecordingSummary> finished = new ArrayList<>();
    boolean aborted;

    Handle(RecordingId id, Store store) {
      this.id = id;
      this.store = store;
    }

    @Override
    public String location() {
      return "/vault/" + id;
    }

    @Override
    public TrackSink openTrack(TrackSpec spec) throws IOException {
      if (store.openTrackFails != null) {
        throw store.openTrackFails;
      }
      tracks.add(spec);
      return new Sink();
    }

    @Override
    public void addMetadata(RawMetadata raw) {
      metadata.add(raw);
    }

    @Override
    public StoredRecording finish(RecordingSummary summary) throws IOException {
      finished.add(summary);
      if (store.finishFails != null) {
        throw store.finishFails;
      }
      return new StoredRecording(id, location(), "metadata.json", List.of());
    }

    @Override
    public void abort() {
      aborted = true;
    }
  }

  static final class Sink implements TrackSink {
    private long samples;

    @Override
    public void write(byte[] source, int offset, int length) {
      samples += length;
    }

    @Override
    public void writeSilence(long count) {
      samples += count;
    }

    @Override
    public long samplesWritten() {
      return samples;
    }
  }

  /** Collects events; thread-safe like the real ones must be. */
  static final class Events implements RecordingEventListener {
    final List<RecordingEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(RecordingEvent event) {
      events.add(event);
    }

    <T extends RecordingEvent> List<T> of(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }
}
