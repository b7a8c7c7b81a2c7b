package io.srs.core.service;

import io.srs.core.media.OfferedStream;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RawMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * @param metadata the parsed metadata, {@link RecordingMetadata#EMPTY} when none or unusable
 * @param headers the INVITE's headers, names in lower case, values in order (vendor headers such as
 *     {@code X-Genesys-…} carry ids the metadata lacks)
 * @param metadataProblem why a metadata part present could not be used (the parser's one-line
 *     reason), or null; the metadata policy decides between 400 and a flagged recording
 */
public record RecordingOffer(
    String callId,
    String fromUri,
    String toUri,
    String source,
    Instant receivedAt,
    List<OfferedStream> streams,
    RawMetadata rawMetadata,
    RecordingMetadata metadata,
    Map<String, List<String>> headers,
    String metadataProblem) {

  public RecordingOffer {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(metadata, "metadata");
    streams = List.copyOf(streams);
    headers = Map.copyOf(headers);
  }

  /** An offer without headers whose metadata, if any, parsed. */
  public RecordingOffer(
      String callId,
      String fromUri,
      String toUri,
      String source,
      Instant receivedAt,
      List<OfferedStream> streams,
      RawMetadata rawMetadata,
      RecordingMetadata metadata) {
    this(
        callId, fromUri, toUri, source, receivedAt, streams, rawMetadata, metadata, Map.of(), null);
  }

  /** The first value of a header (name in any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
