package io.srs.core.service;

import io.srs.core.media.OfferedStream;
import io.srs.core.metadata.RecordingMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change inside an established recording session: a re-INVITE, an UPDATE, or a BYE that carries
 * metadata (Ribbon sends the final metadata in the BYE).
 *
 * @param trigger the request that carried it
 * @param receivedAt when it arrived
 * @param streams the new SDP offer's m-lines, or empty when the request had no SDP
 * @param metadataContentType the metadata part's Content-Type, or null when none
 * @param metadataBody the metadata part verbatim, or null when none
 * @param metadata the parsed metadata, or null when none or unusable
 * @param metadataProblem why a metadata part could not be used, or null
 */
public record SessionUpdate(
    Trigger trigger,
    Instant receivedAt,
    List<OfferedStream> streams,
    String metadataContentType,
    byte[] metadataBody,
    RecordingMetadata metadata,
    String metadataProblem) {

  /** The SIP request an update came in. */
  public enum Trigger {
    REINVITE,
    UPDATE,
    BYE
  }

  public SessionUpdate {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(receivedAt, "receivedAt");
    streams = List.copyOf(streams);
  }

  public boolean hasOffer() {
    return !streams.isEmpty();
  }

  public boolean hasMetadata() {
    return metadataBody != null;
  }
}
