package io.srs.storage.sidecar;

import io.srs.core.media.AudioEncoding;

/**
 * A stored track file as the sidecar describes it; the store fills it in after finalising.
 *
 * @param streamIndex the m-line index, joining it to the summary's track
 * @param fileName the name within the recording
 * @param encoding how samples are stored
 * @param sampleRate samples per second
 * @param samples samples stored
 * @param bytes the file's size
 * @param sha256 the file's SHA-256 as stored, lower-case hex
 */
public record TrackFile(
    int streamIndex,
    String fileName,
    AudioEncoding encoding,
    int sampleRate,
    long samples,
    long bytes,
    String sha256) {}
