package io.srs.core.service;

import io.srs.core.media.OfferedStream;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RawMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A SIPREC INVITE, parsed: what the SIP side hands the domain.
 *
 * @param callId the INVITE's Call-ID
 * @param fromUri the From URI
 * @param toUri the To URI
 * @param source the SRC's transport address, {@code 192.0.2.1:5060/UDP}, for logs
 * @param receivedAt when the INVITE arrived
 * @param streams the SDP offer's m-lines, in order
 * @param rawMetadata the metadata part verbatim, or null when the INVITE had none
 * @param metadata the parsed metadata, {@link RecordingMetadata#EMPTY} when none
 */
public record RecordingOffer(
    String callId,
    String fromUri,
    String toUri,
    String source,
    Instant receivedAt,
    List<OfferedStream> streams,
    RawMetadata rawMetadata,
    RecordingMetadata metadata) {

  public RecordingOffer {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(metadata, "metadata");
    streams = List.copyOf(streams);
  }
}
