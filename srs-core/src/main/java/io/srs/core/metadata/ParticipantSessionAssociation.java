package io.srs.core.metadata;

import java.time.Instant;

/**
 * RFC 7865 §6.8 {@code participantsessionassoc}: a participant taking part in a communication
 * session from {@code associateTime} until {@code disassociateTime}. Draft-era SRCs (Acme Packet,
 * AudioCodes legacy, BroadWorks) say the same with a {@code session} attribute on {@code
 * participant}; the parser turns that into one of these.
 *
 * @param participantId the {@code participant_id} attribute
 * @param sessionId the {@code session_id} attribute
 * @param associateTime when the participant joined, or null when not said or unreadable
 * @param disassociateTime when the participant left, or null while still in the session
 */
public record ParticipantSessionAssociation(
    String participantId, String sessionId, Instant associateTime, Instant disassociateTime) {

  /** True while the association has not ended (no {@code disassociate-time}). */
  public boolean isCurrent() {
    return disassociateTime == null;
  }
}
