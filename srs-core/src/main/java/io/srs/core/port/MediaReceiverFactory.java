package io.srs.core.port;

import io.srs.core.media.Codec;
import io.srs.core.media.SrtpSuite;
import java.util.Set;

/** Opens media receivers. Implemented by srs-rtp. */
public interface MediaReceiverFactory {

  /** The codecs this media side can store bit-exactly; the answer offers nothing else. */
  Set<Codec> supportedCodecs();

  /**
   * The SRTP suites this media side can unprotect (RFC 3711, RFC 6188, RFC 7714). An SDES m-line
   * offering none of them is declined: SRTP stored without decryption would be noise. The default,
   * none, suits a media side without SRTP.
   */
  default Set<SrtpSuite> supportedSrtpSuites() {
    return Set.of();
  }

  /**
   * Allocates a contiguous port block and binds every recorded stream's RTP and RTCP ports.
   *
   * @throws MediaUnavailableException when no block is free or binding fails: the call is refused
   */
  MediaSession open(MediaSessionSpec spec) throws MediaUnavailableException;
}
