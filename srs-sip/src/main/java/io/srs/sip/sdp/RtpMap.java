package io.srs.sip.sdp;

/**
 * An {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} (RFC 4566 §6).
 * Channels default to 1 for audio when absent.
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) {}
