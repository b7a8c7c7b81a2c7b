package io.srs.core.port;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.media.NegotiatedFormat;
import io.srs.core.media.OfferedFormat;
import io.srs.core.media.SrtpKeys;
import java.util.List;

/**
 * One stream to receive.
 *
 * @param index the m-line index; its RTP port is {@code base + 2 * index}
 * @param label the SDP label, or null
 * @param codec the primary codec
 * @param payloadType the primary payload type, exactly as offered
 * @param sink where placed samples go
 * @param formats every audio format negotiated on the stream, primary first (a mid-call switch
 *     moves within them; they share {@code storedEncoding} and {@code sampleRate})
 * @param telephoneEventPayloadType the RFC 4733 payload type, or -1
 * @param comfortNoisePayloadType the RFC 3389 payload type, or -1
 * @param storedEncoding how the sink stores samples (native G.711 or PCM16)
 * @param sampleRate the sink's sample rate
 * @param srtp the sender's SRTP keys (RFC 4568 SDES) when the stream is RTP/SAVP, or null for plain
 *     RTP; packets are unprotected with them before anything else reads them
 */
public record MediaStreamSpec(
    int index,
    String label,
    Codec codec,
    int payloadType,
    TrackSink sink,
    List<NegotiatedFormat> formats,
    int telephoneEventPayloadType,
    int comfortNoisePayloadType,
    AudioEncoding storedEncoding,
    int sampleRate,
    SrtpKeys srtp) {

  public MediaStreamSpec {
    formats = List.copyOf(formats);
  }

  /** True when packets arrive as SRTP and must be unprotected first. */
  public boolean isSecure() {
    return srtp != null;
  }

  /** One G.711 (or other fixed-rate) format stored in the codec's own encoding, plain RTP. */
  public MediaStreamSpec(int index, String label, Codec codec, int payloadType, TrackSink sink) {
    this(
        index,
        label,
        codec,
        payloadType,
        sink,
        List.of(
            NegotiatedFormat.of(
                codec,
                new OfferedFormat(
                    payloadType,
                    codec.encodingName(),
                    codec.fixedClockRate(),
                    codec == Codec.OPUS ? 2 : 1,
                    null))),
        -1,
        -1,
        codec.storedEncoding(),
        codec.sampleRate(),
        null);
  }
}
