package io.srs.core.service;

import io.srs.core.media.AnsweredCrypto;
import io.srs.core.media.OfferedStream;
import io.srs.core.media.SdesNegotiator;
import io.srs.core.media.SrtpKeys;
import io.srs.core.media.StreamPlan;
import io.srs.core.media.TransportProfile;

/**
 * What a new offer in the dialog (re-INVITE, UPDATE) means for the protection of one recorded
 * stream (RFC 4568 §7.1.4, RFC 3264 §8). Pure: the caller applies the outcome.
 *
 * <ul>
 *   <li>plain before, plain now: nothing to do;
 *   <li>SRTP before, the same key now (a refresh repeats its a=crypto): the context is kept;
 *   <li>SRTP before, new keys or another suite now: the stream is re-keyed;
 *   <li>protection changed (plain to SRTP or back, DTLS, or no acceptable a=crypto left): the
 *       stream is held, since a receiver cannot change what it decrypts under a running track.
 * </ul>
 *
 * @param keys the SRC's keys from now on (the old ones when held), null for plain RTP
 * @param answer our a=crypto (kept when the suite and flags stay), null for plain RTP
 * @param rekey true when the media side must switch to {@code keys}
 * @param heldBecause why the stream must be held, or null when protection is fine
 */
record SrtpReoffer(SrtpKeys keys, AnsweredCrypto answer, boolean rekey, String heldBecause) {

  static SrtpReoffer decide(StreamPlan was, OfferedStream offered, SdesNegotiator sdes) {
    TransportProfile now = offered.profile();
    if (!was.isSecure()) {
      if (now == TransportProfile.SDES_SRTP || now == TransportProfile.DTLS_SRTP) {
        return held(was, "transport changed to " + offered.transport() + " mid-call");
      }
      return new SrtpReoffer(null, null, false, null);
    }
    if (now != TransportProfile.SDES_SRTP) {
      return held(was, "SRTP no longer offered (" + offered.transport() + ")");
    }
    SdesNegotiator.Choice choice = sdes.choose(offered);
    if (choice instanceof SdesNegotiator.Choice.None none) {
      return held(was, none.reason());
    }
    var line = ((SdesNegotiator.Choice.Chosen) choice).line();
    AnsweredCrypto answer = sdes.answer(line, was.crypto());
    return new SrtpReoffer(line.keys(), answer, !line.keys().equals(was.srtp()), null);
  }

  private static SrtpReoffer held(StreamPlan was, String why) {
    return new SrtpReoffer(was.srtp(), was.crypto(), false, why);
  }

  /** {@code AES_CM_128_HMAC_SHA1_32 (was AES_CM_128_HMAC_SHA1_80)}: the event's detail. */
  String rekeyDetail(StreamPlan was) {
    String suite = keys.suite().sdesName();
    return keys.suite() == was.srtp().suite()
        ? suite
        : suite + " (was " + was.srtp().suite().sdesName() + ")";
  }
}
