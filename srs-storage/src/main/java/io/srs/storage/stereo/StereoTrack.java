package io.srs.storage.stereo;

import io.srs.core.media.AudioEncoding;
import io.srs.core.metadata.Participant;
import java.util.List;

/**
 * A finished track as the stereo rule sees it.
 *
 * @param streamIndex the m-line index
 * @param label the SDP label, or null
 * @param encoding how its samples are stored
 * @param sampleRate its sample rate
 * @param participants who was heard on it over the call (every participation span, then the senders
 *     at the end), without repeats
 */
public record StereoTrack(
    int streamIndex,
    String label,
    AudioEncoding encoding,
    int sampleRate,
    List<Participant> participants) {
  public StereoTrack {
    participants = List.copyOf(participants);
  }
}
