package io.srs.core.fields;

import io.srs.core.metadata.RecordingMetadata;
import java.util.List;
import java.util.Map;

/**
 * Everything a normalised field may come from.
 *
 * @param metadata the merged RFC 7865 model in force
 * @param rawMetadata every metadata body received, verbatim, in order (XPath rules and vendor
 *     extension data read these)
 * @param headers the INVITE's headers, names in lower case
 * @param fromUri the INVITE's From URI
 * @param toUri the INVITE's To URI
 */
public record FieldSources(
    RecordingMetadata metadata,
    List<byte[]> rawMetadata,
    Map<String, List<String>> headers,
    String fromUri,
    String toUri) {
  public FieldSources {
    rawMetadata = List.copyOf(rawMetadata);
    headers = Map.copyOf(headers);
  }
}
