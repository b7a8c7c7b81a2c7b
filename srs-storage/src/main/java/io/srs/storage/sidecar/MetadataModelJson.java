package io.srs.storage.sidecar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srs.core.metadata.ExtensionData;
import io.srs.core.metadata.MetadataGroup;
import io.srs.core.metadata.MetadataSession;
import io.srs.core.metadata.MetadataStream;
import io.srs.core.metadata.NameId;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.ParticipantSessionAssociation;
import io.srs.core.metadata.ParticipantStreamAssociation;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.metadata.SessionRecordingAssociation;
import java.util.List;

/**
 * The RFC 7865 model as the sidecar shows it, and the participant references used everywhere else
 * in the document. This is the only class that reads {@link RecordingMetadata}'s elements, in the
 * order of RFC 7865 §6.
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
    node.set("groups", groups(metadata.groups()));
    node.set("sessions", sessions(metadata.sessions()));
    node.set("participants", modelParticipants(metadata.participants()));
    node.set("streams", streams(metadata.streams()));
    node.set("sessionRecordingAssociations", sessionRecordings(metadata.sessionRecordings()));
    node.set("participantSessionAssociations", participantSessions(metadata.participantSessions()));
    node.set("participantStreamAssociations", associations(metadata.participantStreams()));
    node.set("extensions", extensions(metadata.extensions()));
    return node;
  }

  /** §6.2 {@code group}: the id that links recordings of one call, and when. */
  private ArrayNode groups(List<MetadataGroup> groups) {
    ArrayNode array = nodes.arrayNode();
    for (MetadataGroup group : groups) {
      array
          .addObject()
          .put("id", group.id())
          .put("associateTime", JsonValues.time(group.associateTime()))
          .put("disassociateTime", JsonValues.time(group.disassociateTime()));
    }
    return array;
  }

  /** §6.7 {@code sessionrecordingassoc}: when each session was part of this recording. */
  private ArrayNode sessionRecordings(List<SessionRecordingAssociation> associations) {
    ArrayNode array = nodes.arrayNode();
    for (SessionRecordingAssociation association : associations) {
      array
          .addObject()
          .put("sessionId", association.sessionId())
          .put("associateTime", JsonValues.time(association.associateTime()))
          .put("disassociateTime", JsonValues.time(association.disassociateTime()));
    }
    return array;
  }

  /** §6.8 {@code participantsessionassoc}: when each participant was in which session. */
  private ArrayNode participantSessions(List<ParticipantSessionAssociation> associations) {
    ArrayNode array = nodes.arrayNode();
    for (ParticipantSessionAssociation association : associations) {
      array
          .addObject()
          .put("participantId", association.participantId())
          .put("sessionId", association.sessionId())
          .put("associateTime", JsonValues.time(association.associateTime()))
          .put("disassociateTime", JsonValues.time(association.disassociateTime()));
    }
    return array;
  }

  /**
   * {@code extensiondata} and vendor elements, verbatim: each fragment with the namespace
   * declarations it needs, so it parses on its own (UCIDs, Genesys ids, BroadWorks tracking ids).
   */
  private ArrayNode extensions(List<ExtensionData> extensions) {
    ArrayNode array = nodes.arrayNode();
    for (ExtensionData extension : extensions) {
      array
          .addObject()
          .put("parent", extension.parent())
          .put("namespace", extension.namespace())
          .put("name", extension.name())
          .put("xml", extension.xml());
    }
    return array;
  }

  /** §6.3 {@code session}: its SIP session ids and the group it belongs to. */
  private ArrayNode sessions(List<MetadataSession> sessions) {
    ArrayNode array = nodes.arrayNode();
    for (MetadataSession session : sessions) {
      ObjectNode s = array.addObject().put("id", session.id());
      ArrayNode ids = s.putArray("sipSessionIds");
      session.sipSessionIds().forEach(ids::add);
      s.put("groupRef", session.groupRef());
      s.put("startTime", JsonValues.time(session.startTime()));
      s.put("stopTime", JsonValues.time(session.stopTime()));
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
      a.put("associateTime", JsonValues.time(association.associateTime()));
      a.put("disassociateTime", JsonValues.time(association.disassociateTime()));
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
