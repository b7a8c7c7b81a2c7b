package io.srs.core.media;

import java.util.Objects;

/**
 * The {@code a=crypto} line we answer for an SDES m-line (RFC 4568 §7.1.2): the offer's tag and
 * suite, the offer's session parameters (UNENCRYPTED_SRTP, UNENCRYPTED_SRTCP, UNAUTHENTICATED_SRTP
 * are negotiated, §6.3.2-§6.3.4), and a master key of our own (§7.1.1: each direction has its own
 * key; we never send media, but the answer must still carry a valid one).
 *
 * @param tag the tag of the offered line we accept
 * @param keys our key, salt and the echoed session flags; never an MKI (we send nothing)
 */
public record AnsweredCrypto(int tag, SrtpKeys keys) {
  public AnsweredCrypto {
    Objects.requireNonNull(keys, "keys");
  }
}
