package io.srs.core.media;

import java.util.List;

/**
 * What we answer for one offered m-line: recorded with a chosen codec and payload type, or declined
 * (port 0 in the answer).
 *
 * @param offer the m-line this plan answers
 * @param codec the primary codec we record, or null when the m-line is declined
 * @param payloadType the primary payload type, exactly as offered; -1 when declined
 * @param direction the direction we answer with
 * @param declineReason why the m-line is declined, or null when recorded
 * @param formats every audio format answered, primary first: the set a mid-call codec switch may
 *     move within (all share {@code storedEncoding} and {@code sampleRate})
 * @param telephoneEventPayloadType the RFC 4733 telephone-event type answered, or -1
 * @param comfortNoisePayloadType the RFC 3389 CN type answered, or -1
 * @param storedEncoding how the track is stored; null when declined
 * @param sampleRate the track's sample rate; 0 when declined
 * @param srtp the SRC's keys for the stream when it is SDES SRTP (what we unprotect with), or null
 *     for plain RTP and declined m-lines
 * @param crypto the {@code a=crypto} line we answer, with our own key; null when {@code srtp} is
 */
public record StreamPlan(
    OfferedStream offer,
    Codec codec,
    int payloadType,
    MediaDirection direction,
    String declineReason,
    List<NegotiatedFormat> formats,
    int telephoneEventPayloadType,
    int comfortNoisePayloadType,
    AudioEncoding storedEncoding,
    int sampleRate,
    SrtpKeys srtp,
    AnsweredCrypto crypto) {

  public StreamPlan {
    formats = List.copyOf(formats);
    if ((srtp == null) != (crypto == null)) {
      throw new IllegalArgumentException("an SRTP stream has both the SRC's keys and our answer");
    }
    if (srtp != null && srtp.suite() != crypto.keys().suite()) {
      throw new IllegalArgumentException(
          "answered suite " + crypto.keys().suite() + " differs from offered " + srtp.suite());
    }
  }

  /** A plain RTP plan (or a declined one). */
  public StreamPlan(
      OfferedStream offer,
      Codec codec,
      int payloadType,
      MediaDirection direction,
      String declineReason,
      List<NegotiatedFormat> formats,
      int telephoneEventPayloadType,
      int comfortNoisePayloadType,
      AudioEncoding storedEncoding,
      int sampleRate) {
    this(
        offer,
        codec,
        payloadType,
        direction,
        declineReason,
        formats,
        telephoneEventPayloadType,
        comfortNoisePayloadType,
        storedEncoding,
        sampleRate,
        null,
        null);
  }

  /** A plan recording one format natively (G.711) or decoded, without DTMF or CN. */
  public static StreamPlan recorded(OfferedStream offer, Codec codec, int payloadType) {
    OfferedFormat offered =
        offer.formats().stream()
            .filter(f -> f.payloadType() == payloadType)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("payload type " + payloadType + " not offered"));
    NegotiatedFormat format = NegotiatedFormat.of(codec, offered);
    return new StreamPlan(
        offer,
        codec,
        payloadType,
        offer.direction().recorderAnswer(),
        null,
        List.of(format),
        -1,
        -1,
        codec.storedEncoding(),
        format.sampleRate());
  }

  public static StreamPlan declined(OfferedStream offer, String reason) {
    return new StreamPlan(
        offer, null, -1, MediaDirection.INACTIVE, reason, List.of(), -1, -1, null, 0);
  }

  public boolean isRecorded() {
    return codec != null;
  }

  /** True when the stream arrives as SDES-keyed SRTP. */
  public boolean isSecure() {
    return srtp != null;
  }

  /** The same plan answering another offer, with other SRTP keys (a re-INVITE). */
  public StreamPlan with(
      OfferedStream newOffer, MediaDirection newDirection, SrtpKeys keys, AnsweredCrypto answer) {
    return new StreamPlan(
        newOffer,
        codec,
        payloadType,
        newDirection,
        declineReason,
        formats,
        telephoneEventPayloadType,
        comfortNoisePayloadType,
        storedEncoding,
        sampleRate,
        keys,
        answer);
  }

  public int index() {
    return offer.index();
  }

  public String label() {
    return offer.label();
  }

  /** The primary format; only for recorded plans. */
  public NegotiatedFormat primaryFormat() {
    return formats.get(0);
  }
}
