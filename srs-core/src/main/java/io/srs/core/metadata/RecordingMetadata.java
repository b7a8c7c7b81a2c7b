package io.srs.core.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RFC 7865 recording metadata model of one document. Immutable; updates build a new value.
 *
 * @param dataMode complete snapshot or partial update (RFC 7865 §6.1); COMPLETE when absent
 */
public record RecordingMetadata(
    DataMode dataMode,
    List<MetadataSession> sessions,
    List<Participant> participants,
    List<MetadataStream> streams,
    List<ParticipantStreamAssociation> participantStreams) {

  public static final RecordingMetadata EMPTY =
      new RecordingMetadata(DataMode.COMPLETE, List.of(), List.of(), List.of(), List.of());

  public RecordingMetadata {
    sessions = List.copyOf(sessions);
    participants = List.copyOf(participants);
    streams = List.copyOf(streams);
    participantStreams = List.copyOf(participantStreams);
  }

  /** The metadata stream whose label equals an SDP {@code a=label} exactly. */
  public Optional<MetadataStream> streamByLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    return streams.stream().filter(s -> label.equals(s.label())).findFirst();
  }

  /**
   * The id that links recordings of one call (RFC 7865 §6.2 group, referenced by a session's {@code
   * group-ref}), or null.
   */
  public String groupId() {
    for (MetadataSession session : sessions) {
      if (session.groupRef() != null && !session.groupRef().isBlank()) {
        return session.groupRef();
      }
    }
    return null;
  }

  public Optional<Participant> participant(String participantId) {
    return participants.stream().filter(p -> p.id().equals(participantId)).findFirst();
  }

  /**
   * The participants that send on the stream carrying an SDP label: the voices heard on that track
   * (RFC 7865 §6.9 {@code send}). Empty when the label matches no stream.
   */
  public List<Participant> sendersOnLabel(String label) {
    Optional<MetadataStream> stream = streamByLabel(label);
    if (stream.isEmpty()) {
      return List.of();
    }
    String streamId = stream.get().id();
    List<Participant> senders = new ArrayList<>();
    for (ParticipantStreamAssociation assoc : participantStreams) {
      if (assoc.send().contains(streamId)) {
        participant(assoc.participantId()).ifPresent(senders::add);
      }
    }
    return List.copyOf(senders);
  }
}
