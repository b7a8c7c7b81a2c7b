package io.srs.core.port;

import io.srs.core.media.Codec;
import java.util.Set;

/** Opens media receivers. Implemented by srs-rtp. */
public interface MediaReceiverFactory {

  /** The codecs this media side can store bit-exactly; the answer offers nothing else. */
  Set<Codec> supportedCodecs();

  /**
   * Allocates a contiguous port block and binds every recorded stream's RTP and RTCP ports.
   *
   * @throws MediaUnavailableException when no block is free or binding fails: the call is refused
   */
  MediaSession open(MediaSessionSpec spec) throws MediaUnavailableException;
}
