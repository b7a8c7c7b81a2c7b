package io.srs.core.port;

import java.util.concurrent.CompletionStage;

/** The open receivers of one recording session. */
public interface MediaSession {

  /** The local RTP port of m-line {@code index}: {@code base + 2 * index}. */
  int rtpPort(int index);

  /**
   * Stops receiving: flushes what the reorder window holds, pads every track to the session's end
   * so all tracks have the same length, releases the ports, and completes with what was seen.
   * Idempotent: later calls return the same stage. All track writes happen-before completion.
   */
  CompletionStage<MediaReport> close();
}
