package io.srs.sip.sdp;

import io.srs.core.media.MediaDirection;
import io.srs.core.media.OfferedStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed SDP session description (RFC 4566 §5), reduced to what offer/answer needs.
 *
 * @param originUsername o= username
 * @param sessionId o= sess-id, as sent
 * @param sessionVersion o= sess-version, as sent
 * @param originAddress o= unicast-address
 * @param sessionName s= text
 * @param direction the session-level direction attribute, or null when absent
 * @param media the m= sections, in order
 */
public record SessionDescription(
    String originUsername,
    String sessionId,
    String sessionVersion,
    String originAddress,
    String sessionName,
    MediaDirection direction,
    List<MediaDescription> media) {

  public SessionDescription {
    media = List.copyOf(media);
  }

  /** Every m-line as the domain's {@link OfferedStream}, index from 0 in offer order. */
  public List<OfferedStream> offeredStreams() {
    List<OfferedStream> streams = new ArrayList<>(media.size());
    for (int i = 0; i < media.size(); i++) {
      streams.add(media.get(i).toOfferedStream(i, direction));
    }
    return List.copyOf(streams);
  }
}
