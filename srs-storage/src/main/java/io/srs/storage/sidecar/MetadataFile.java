package io.srs.storage.sidecar;

import java.time.Instant;

/**
 * One raw metadata version as stored verbatim.
 *
 * @param version 1 for the INVITE's body, then one more per update
 * @param receivedAt when the request carrying it arrived
 * @param contentType the part's Content-Type as sent
 * @param fileName the name within the recording
 * @param bytes the body's size
 * @param sha256 the body's SHA-256, lower-case hex
 */
public record MetadataFile(
    int version,
    Instant receivedAt,
    String contentType,
    String fileName,
    long bytes,
    String sha256) {}
