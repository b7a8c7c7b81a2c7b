package io.srs.core.metadata;

import java.util.List;

/**
 * RFC 7865 §6.9 {@code participantstreamassoc}: which streams a participant sends and receives.
 *
 * @param participantId the {@code participant_id} attribute
 * @param send the stream ids in {@code send} children
 * @param recv the stream ids in {@code recv} children
 */
public record ParticipantStreamAssociation(
    String participantId, List<String> send, List<String> recv) {
  public ParticipantStreamAssociation {
    send = List.copyOf(send);
    recv = List.copyOf(recv);
  }
}
