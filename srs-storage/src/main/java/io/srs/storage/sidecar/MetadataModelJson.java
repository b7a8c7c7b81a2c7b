package io.srs.storage.sidecar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srs.core.metadata.MetadataSession;
import io.srs.core.metadata.MetadataStream;
import io.srs.core.metadata.NameId;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.ParticipantStreamAssociation;
import io.srs.core.metadata.RecordingMetadata;
import java.util.List;

/**
 * The RFC 7865 model as the sidecar shows it, and the participant references used everywhere else
 * in the document. This is the only class that reads {@link RecordingMetadata}'s elements: a new
 * part of the model (groups, extension data) is one more {@code put} in {@link #model}, in the
 * order of RFC 7865 §6, and nowhere else.
 */
final class MetadataModelJson {

  private final JsonNodeFactory nodes;

  MetadataModelJson(JsonNodeFactory nodes) {
    this.nodes = nodes;
  }

  /** {@code {id, aor, name}}: a participant named where it matters (tracks, stereo channels). */
  ObjectNode participantRef(Participant participant) {
    ObjectNode node = nodes.objectNode();
    node.put("id", participant.id());
    node.put("aor", participant.primaryAor());
    node.put("name", participant.displayName());
    return node;
  }

  /** The top-level {@code participants[]}: each reference with every name it was given. */
  ArrayNode participants(RecordingMetadata metadata) {
    ArrayNode participants = nodes.arrayNode();
    for (Participant participant : metadata.participants()) {
      ObjectNode node = participantRef(participant);
      node.set("nameIds", nameIds(participant.nameIds()));
      participants.add(node);
    }
    return participants;
  }

  /** The model in force at the end, element by element (RFC 7865 §6). */
  ObjectNode model(RecordingMetadata metadata) {
    ObjectNode node = nodes.objectNode();
    node.put("dataMode", metadata.dataMode() == null ? null : metadata.dataMode().wireValue());
    node.set("sessions", sessions(metadata.sessions()));
    node.set("participants", modelParticipants(metadata.participants()));
    node.set("streams", streams(metadata.streams()));
    node.set("participantStreamAssociations", associations(metadata.participantStreams()));
    return node;
  }

  /** §6.3 {@code session}: its SIP session ids and the group it belongs to. */
  private ArrayNode sessions(List<MetadataSession> sessions) {
    ArrayNode array = nodes.arrayNode();
    for (MetadataSession session : sessions) {
      ObjectNode s = array.addObject().put("id", session.id());
      ArrayNode ids = s.putArray("sipSessionIds");
      session.sipSessionIds().forEach(ids::add);
      s.put("groupRef", session.groupRef());
    }
    return array;
  }

  /** §6.5 {@code participant}: id and every nameID. */
  private ArrayNode modelParticipants(List<Participant> participants) {
    ArrayNode array = nodes.arrayNode();
    for (Participant participant : participants) {
      array.addObject().put("id", participant.id()).set("nameIds", nameIds(participant.nameIds()));
    }
    return array;
  }

  /** §6.6 {@code stream}: id, session and the SDP label that joins it to a track. */
  private ArrayNode streams(List<MetadataStream> streams) {
    ArrayNode array = nodes.arrayNode();
    for (MetadataStream stream : streams) {
      array
          .addObject()
          .put("id", stream.id())
          .put("sessionId", stream.sessionId())
          .put("label", stream.label());
    }
    return array;
  }

  /** §6.9 {@code participantstreamassoc}: who sends and receives which stream. */
  private ArrayNode associations(List<ParticipantStreamAssociation> associations) {
    ArrayNode array = nodes.arrayNode();
    for (ParticipantStreamAssociation association : associations) {
      ObjectNode a = array.addObject().put("participantId", association.participantId());
      ArrayNode send = a.putArray("send");
      association.send().forEach(send::add);
      ArrayNode recv = a.putArray("recv");
      association.recv().forEach(recv::add);
    }
    return array;
  }

  private ArrayNode nameIds(List<NameId> nameIds) {
    ArrayNode array = nodes.arrayNode();
    for (NameId nameId : nameIds) {
      array
          .addObject()
          .put("aor", nameId.aor())
          .put("name", nameId.name())
          .put("lang", nameId.nameLang());
    }
    return array;
  }
}
