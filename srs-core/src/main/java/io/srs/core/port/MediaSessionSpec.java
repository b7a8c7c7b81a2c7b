package io.srs.core.port;

import io.srs.core.session.RecordingId;
import java.util.List;

/**
 * The media of one recording session.
 *
 * @param mLineCount how many m-lines the offer had: the session's port block spans {@code 2 *
 *     mLineCount} ports so that stream i keeps base + 2i even when some m-lines are declined
 * @param streams the streams we record (a subset of the m-lines)
 */
public record MediaSessionSpec(RecordingId id, int mLineCount, List<MediaStreamSpec> streams) {
  public MediaSessionSpec {
    streams = List.copyOf(streams);
    for (MediaStreamSpec stream : streams) {
      if (stream.index() < 0 || stream.index() >= mLineCount) {
        throw new IllegalArgumentException(
            "stream index " + stream.index() + " outside 0.." + (mLineCount - 1));
      }
    }
  }
}
