package io.srs.storage.fs;

import io.srs.core.metadata.Participant;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.Participation;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.TrackSpec;
import io.srs.core.session.RecordingId;
import io.srs.storage.RecordingLayout;
import io.srs.storage.integrity.Sha256;
import io.srs.storage.sidecar.StereoOutcome;
import io.srs.storage.stereo.StereoMixer;
import io.srs.storage.stereo.StereoPlan;
import io.srs.storage.stereo.StereoPlanner;
import io.srs.storage.stereo.StereoTrack;
import io.srs.storage.wav.WavHeader;
import io.srs.storage.wav.WrittenTrack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a finished recording's {@code stereo.wav} ({@code recording.stereo}): plans the channels
 * ({@link StereoPlanner}), mixes into a temporary file, hashes it and renames it into place. The
 * stereo file is derived from the tracks, which stay the evidence: failing to write it is flagged
 * in the sidecar, never fatal to the recording.
 */
final class StereoOutput {
  private static final Logger LOG = LoggerFactory.getLogger(StereoOutput.class);

  /** A track as finished on disk. */
  record FinishedTrack(TrackSpec spec, WavHeader header, WrittenTrack written) {}

  private final StereoPlanner planner = new StereoPlanner();
  private final StereoMixer mixer;

  StereoOutput(int stagingBytes) {
    this.mixer = new StereoMixer(stagingBytes);
  }

  StereoOutcome write(Path directory, RecordingSummary summary, List<FinishedTrack> finished) {
    Map<Integer, FinishedTrack> byIndex = new LinkedHashMap<>();
    List<StereoTrack> tracks = new ArrayList<>();
    for (FinishedTrack track : finished) {
      TrackSpec spec = track.spec();
      byIndex.put(spec.streamIndex(), track);
      tracks.add(
          new StereoTrack(
              spec.streamIndex(),
              spec.label(),
              spec.encoding(),
              spec.sampleRate(),
              heardOn(summary, spec.streamIndex())));
    }
    StereoPlanner.Result result = planner.plan(tracks, summary.fields().get("ani"));
    if (!result.planned()) {
      LOG.info("recording {}: no {}: {}", summary.id(), RecordingLayout.STEREO, result.skipped());
      return StereoOutcome.skipped(result.skipped());
    }
    StereoPlan plan = result.plan();
    try {
      return mix(directory, plan, byIndex);
    } catch (IOException | RuntimeException e) {
      return failed(summary.id(), e);
    }
  }

  private StereoOutcome mix(Path directory, StereoPlan plan, Map<Integer, FinishedTrack> tracks)
      throws IOException {
    Path target = directory.resolve(RecordingLayout.STEREO);
    Path tmp = AtomicFiles.temporaryFor(target);
    try {
      WrittenTrack written =
          mixer.mix(
              source(tracks.get(plan.left().streamIndex())),
              source(tracks.get(plan.right().streamIndex())),
              tmp);
      String sha256 = Sha256.ofFile(tmp);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.fsyncDirectory(directory);
      return new StereoOutcome(
          RecordingLayout.STEREO,
          plan.sampleRate(),
          written.samples(),
          written.fileBytes(),
          sha256,
          plan.order(),
          List.of(channel(0, plan.left()), channel(1, plan.right())),
          null);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static StereoOutcome failed(RecordingId id, Exception e) {
    String why = "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    LOG.warn(
        "recording {}: {} not written, the tracks are unaffected: {}",
        id,
        RecordingLayout.STEREO,
        why);
    return StereoOutcome.skipped(why);
  }

  private static StereoMixer.Source source(FinishedTrack track) {
    return new StereoMixer.Source(
        track.written().file(), track.header(), track.written().samples());
  }

  private static StereoOutcome.Channel channel(int channel, StereoTrack track) {
    return new StereoOutcome.Channel(
        channel, track.streamIndex(), track.label(), track.participants());
  }

  /** Everyone heard on a track: each participation span in order, then the senders at the end. */
  private static List<Participant> heardOn(RecordingSummary summary, int streamIndex) {
    Map<String, Participant> heard = new LinkedHashMap<>();
    for (TrackSummary track : summary.tracks()) {
      if (track.streamIndex() != streamIndex) {
        continue;
      }
      for (Participation span : track.participation()) {
        heard.putIfAbsent(span.participant().id(), span.participant());
      }
      for (Participant sender : track.participants()) {
        heard.putIfAbsent(sender.id(), sender);
      }
    }
    return List.copyOf(heard.values());
  }
}
