package io.srs.core.metadata;

import java.time.Instant;

/**
 * The merged metadata in force from {@code at}: one entry per version received.
 *
 * @param version 1 for the INVITE's metadata, then one more per update
 * @param at when the request carrying it arrived
 * @param merged the model after merging this version (RFC 7865 §6.1: partial merges, complete
 *     replaces)
 */
public record MetadataSnapshot(int version, Instant at, RecordingMetadata merged) {}
