package io.srs.core.metadata;

import java.time.Instant;
import java.util.List;

/**
 * RFC 7865 §6.9 {@code participantstreamassoc}: which streams a participant sends and receives,
 * from {@code associateTime} until {@code disassociateTime}. Draft-era SRCs put {@code send} and
 * {@code recv} directly inside {@code participant}; the parser turns that into one of these.
 *
 * @param participantId the {@code participant_id} attribute
 * @param send the stream ids in {@code send} children
 * @param recv the stream ids in {@code recv} children
 * @param associateTime the {@code associate-time} child, or null when not said or unreadable
 * @param disassociateTime the {@code disassociate-time} child: from then on the participant no
 *     longer sends or receives these streams; null while the association holds
 */
public record ParticipantStreamAssociation(
    String participantId,
    List<String> send,
    List<String> recv,
    Instant associateTime,
    Instant disassociateTime) {
  public ParticipantStreamAssociation {
    send = List.copyOf(send);
    recv = List.copyOf(recv);
  }

  /** An association without times: it holds from whenever the metadata arrived. */
  public ParticipantStreamAssociation(String participantId, List<String> send, List<String> recv) {
    this(participantId, send, recv, null, null);
  }

  /** True while the association has not ended (no {@code disassociate-time}). */
  public boolean isCurrent() {
    return disassociateTime == null;
  }
}
