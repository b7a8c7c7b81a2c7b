package io.srs.core.port;

import java.time.Instant;

/**
 * One metadata body exactly as received, kept verbatim (DESIGN.md promise 3).
 *
 * @param version 1 for the initial INVITE, then one more per update
 * @param receivedAt when the SIP request carrying it arrived
 * @param contentType the part's Content-Type as sent
 * @param body the part's bytes, unmodified
 */
public record RawMetadata(int version, Instant receivedAt, String contentType, byte[] body) {}
