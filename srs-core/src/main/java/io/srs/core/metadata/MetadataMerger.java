package io.srs.core.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies a metadata version to the model in force (RFC 7865 §6.1 {@code dataMode}): a complete
 * snapshot replaces everything; a partial update replaces the elements it names by id and adds the
 * new ones, and its participant-stream associations replace that participant's.
 */
public final class MetadataMerger {
  private MetadataMerger() {}

  public static RecordingMetadata merge(RecordingMetadata current, RecordingMetadata update) {
    if (current == null || update.dataMode() != DataMode.PARTIAL) {
      return update;
    }
    return new RecordingMetadata(
        current.dataMode(),
        byId(current.sessions(), update.sessions(), MetadataSession::id),
        byId(current.participants(), update.participants(), Participant::id),
        byId(current.streams(), update.streams(), MetadataStream::id),
        byId(
            current.participantStreams(),
            update.participantStreams(),
            ParticipantStreamAssociation::participantId));
  }

  private static <T> List<T> byId(List<T> current, List<T> update, Function<T, String> id) {
    Map<String, T> merged = new LinkedHashMap<>();
    for (T element : current) {
      merged.put(id.apply(element), element);
    }
    for (T element : update) {
      merged.put(id.apply(element), element);
    }
    return new ArrayList<>(merged.values());
  }
}
