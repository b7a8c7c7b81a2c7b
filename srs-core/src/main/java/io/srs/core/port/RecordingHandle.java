package io.srs.core.port;

import java.io.IOException;

/** One recording being written. Not thread-safe: the session drives it in order. */
public interface RecordingHandle {

  /** Where the recording lies (a directory path or object-store prefix). */
  String location();

  /** Opens a track; every track of a session is opened before the call is answered. */
  TrackSink openTrack(TrackSpec spec) throws IOException;

  /** Stores a metadata version verbatim, at once: metadata survives a crash mid-call. */
  void addMetadata(RawMetadata metadata) throws IOException;

  /**
   * Finalises the tracks (sizes in headers, fsync), hashes them, writes the sidecar atomically and
   * returns what was stored. Called off the media thread after the last track write.
   */
  StoredRecording finish(RecordingSummary summary) throws IOException;

  /** Removes everything written for a call that was never answered. Never throws. */
  void abort();
}
