package io.srs.core.port;

import io.srs.core.media.Codec;

/**
 * One stream to receive.
 *
 * @param index the m-line index; its RTP port is {@code base + 2 * index}
 * @param label the SDP label, or null
 * @param codec what the stream carries
 * @param payloadType the negotiated payload type, exactly as offered
 * @param sink where placed samples go
 */
public record MediaStreamSpec(
    int index, String label, Codec codec, int payloadType, TrackSink sink) {}
