package io.srs.core.port;

import io.srs.core.media.AudioEncoding;

/**
 * What a stored track holds.
 *
 * @param streamIndex the m-line index the track records
 * @param label the SDP {@code a=label}, or null
 * @param encoding how samples are stored
 * @param sampleRate samples per second
 */
public record TrackSpec(int streamIndex, String label, AudioEncoding encoding, int sampleRate) {}
