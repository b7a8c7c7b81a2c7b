package io.srs.core.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RFC 7865 recording metadata model of one document, or of several merged (see {@link
 * MetadataMerger}). Immutable; updates build a new value. Ended associations stay in the model with
 * their {@code disassociate-time}, so the model also says who left and when.
 *
 * @param dataMode complete snapshot or partial update (RFC 7865 §6.1); COMPLETE when absent
 * @param groups RFC 7865 §6.2 {@code group} elements
 * @param sessions RFC 7865 §6.3 {@code session} elements
 * @param participants RFC 7865 §6.5 {@code participant} elements
 * @param streams RFC 7865 §6.6 {@code stream} elements
 * @param sessionRecordings RFC 7865 §6.7 {@code sessionrecordingassoc} elements
 * @param participantSessions RFC 7865 §6.8 {@code participantsessionassoc} elements
 * @param participantStreams RFC 7865 §6.9 {@code participantstreamassoc} elements
 * @param extensions extension data kept verbatim, in document order
 */
public record RecordingMetadata(
    DataMode dataMode,
    List<MetadataGroup> groups,
    List<MetadataSession> sessions,
    List<Participant> participants,
    List<MetadataStream> streams,
    List<SessionRecordingAssociation> sessionRecordings,
    List<ParticipantSessionAssociation> participantSessions,
    List<ParticipantStreamAssociation> participantStreams,
    List<ExtensionData> extensions) {

  public static final RecordingMetadata EMPTY =
      new RecordingMetadata(DataMode.COMPLETE, List.of(), List.of(), List.of(), List.of());

  public RecordingMetadata {
    groups = List.copyOf(groups);
    sessions = List.copyOf(sessions);
    participants = List.copyOf(participants);
    streams = List.copyOf(streams);
    sessionRecordings = List.copyOf(sessionRecordings);
    participantSessions = List.copyOf(participantSessions);
    participantStreams = List.copyOf(participantStreams);
    extensions = List.copyOf(extensions);
  }

  /** The model without groups, session associations and extensions. */
  public RecordingMetadata(
      DataMode dataMode,
      List<MetadataSession> sessions,
      List<Participant> participants,
      List<MetadataStream> streams,
      List<ParticipantStreamAssociation> participantStreams) {
    this(
        dataMode,
        List.of(),
        sessions,
        participants,
        streams,
        List.of(),
        List.of(),
        participantStreams,
        List.of());
  }

  /** The metadata stream whose label equals an SDP {@code a=label} exactly. */
  public Optional<MetadataStream> streamByLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    return streams.stream().filter(s -> label.equals(s.label())).findFirst();
  }

  /** The metadata stream with this {@code stream_id}. */
  public Optional<MetadataStream> stream(String streamId) {
    return streams.stream().filter(s -> s.id().equals(streamId)).findFirst();
  }

  /**
   * The id that links recordings of one call (RFC 7865 §6.2 group): the first session's {@code
   * group-ref}, else the first {@code group}'s {@code group_id}; null when there is neither. Two
   * recording sessions with the same group id are legs of one call (a transfer by BYE and new
   * INVITE, an INVITE with Replaces).
   */
  public String groupId() {
    for (MetadataSession session : sessions) {
      if (session.groupRef() != null && !session.groupRef().isBlank()) {
        return session.groupRef();
      }
    }
    for (MetadataGroup group : groups) {
      if (group.id() != null && !group.id().isBlank()) {
        return group.id();
      }
    }
    return null;
  }

  public Optional<Participant> participant(String participantId) {
    return participants.stream().filter(p -> p.id().equals(participantId)).findFirst();
  }

  /**
   * The extension data that belongs to an id ({@link ExtensionData#parent()}); null: the root's.
   */
  public List<ExtensionData> extensionsOf(String parent) {
    List<ExtensionData> found = new ArrayList<>();
    for (ExtensionData extension : extensions) {
      if (parent == null ? extension.parent() == null : parent.equals(extension.parent())) {
        found.add(extension);
      }
    }
    return List.copyOf(found);
  }

  /**
   * The participants that send on the stream carrying an SDP label now: the voices heard on that
   * track (RFC 7865 §6.9 {@code send}). An association that carries a {@code disassociate-time}, or
   * whose participant has left the stream's session (§6.8), no longer counts. Empty when the label
   * matches no stream.
   */
  public List<Participant> sendersOnLabel(String label) {
    Optional<MetadataStream> stream = streamByLabel(label);
    if (stream.isEmpty()) {
      return List.of();
    }
    Map<String, Participant> senders = new LinkedHashMap<>();
    for (ParticipantStreamAssociation assoc : participantStreams) {
      if (!senders.containsKey(assoc.participantId())
          && Associations.sendsNow(this, assoc, stream.get())) {
        participant(assoc.participantId()).ifPresent(p -> senders.put(p.id(), p));
      }
    }
    return List.copyOf(senders.values());
  }
}
