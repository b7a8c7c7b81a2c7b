package io.srs.core.metadata;

import java.time.Instant;

/**
 * RFC 7865 §6.7 {@code sessionrecordingassoc}: a communication session being recorded by this
 * recording session from {@code associateTime} until {@code disassociateTime}. Draft-era SRCs put
 * these times directly inside {@code session}; the parser turns them into one of these.
 *
 * @param sessionId the {@code session_id} attribute
 * @param associateTime when recording of the session began, or null
 * @param disassociateTime when it ended, or null while still recorded
 */
public record SessionRecordingAssociation(
    String sessionId, Instant associateTime, Instant disassociateTime) {}
