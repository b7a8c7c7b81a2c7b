package io.srs.storage.sidecar;

import static io.srs.storage.sidecar.JsonValues.strings;
import static io.srs.storage.sidecar.JsonValues.time;

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
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

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
      participants.add(participantRef(participant).set("nameIds", nameIds(participant.nameIds())));
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
    return objects(
        groups,
        (node, group) ->
            times(node.put("id", group.id()), group.associateTime(), group.disassociateTime()));
  }

  /** §6.7 {@code sessionrecordingassoc}: when each session was part of this recording. */
  private ArrayNode sessionRecordings(List<SessionRecordingAssociation> associations) {
    return objects(
        associations,
        (node, association) ->
            times(
                node.put("sessionId", association.sessionId()),
                association.associateTime(),
                association.disassociateTime()));
  }

  /** §6.8 {@code participantsessionassoc}: when each participant was in which session. */
  private ArrayNode participantSessions(List<ParticipantSessionAssociation> associations) {
    return objects(
        associations,
        (node, association) ->
            times(
                node.put("participantId", association.participantId())
                    .put("sessionId", association.sessionId()),
                association.associateTime(),
                association.disassociateTime()));
  }

  /**
   * {@code extensiondata} and vendor elements, verbatim: each fragment with the namespace
   * declarations it needs, so it parses on its own (UCIDs, Genesys ids, BroadWorks tracking ids).
   */
  private ArrayNode extensions(List<ExtensionData> extensions) {
    return objects(
        extensions,
        (node, extension) ->
            node.put("parent", extension.parent())
                .put("namespace", extension.namespace())
                .put("name", extension.name())
                .put("xml", extension.xml()));
  }

  /** §6.3 {@code session}: its SIP session ids and the group it belongs to. */
  private ArrayNode sessions(List<MetadataSession> sessions) {
    return objects(
        sessions,
        (node, session) -> {
          node.put("id", session.id());
          strings(node.putArray("sipSessionIds"), session.sipSessionIds());
          node.put("groupRef", session.groupRef());
          node.put("startTime", time(session.startTime()));
          node.put("stopTime", time(session.stopTime()));
        });
  }

  /** §6.5 {@code participant}: id and every nameID. */
  private ArrayNode modelParticipants(List<Participant> participants) {
    return objects(
        participants,
        (node, participant) ->
            node.put("id", participant.id()).set("nameIds", nameIds(participant.nameIds())));
  }

  /** §6.6 {@code stream}: id, session and the SDP label that joins it to a track. */
  private ArrayNode streams(List<MetadataStream> streams) {
    return objects(
        streams,
        (node, stream) ->
            node.put("id", stream.id())
                .put("sessionId", stream.sessionId())
                .put("label", stream.label()));
  }

  /** §6.9 {@code participantstreamassoc}: who sends and receives which stream. */
  private ArrayNode associations(List<ParticipantStreamAssociation> associations) {
    return objects(
        associations,
        (node, association) -> {
          node.put("participantId", association.participantId());
          strings(node.putArray("send"), association.send());
          strings(node.putArray("recv"), association.recv());
          times(node, association.associateTime(), association.disassociateTime());
        });
  }

  private ArrayNode nameIds(List<NameId> nameIds) {
    return objects(
        nameIds,
        (node, nameId) ->
            node.put("aor", nameId.aor())
                .put("name", nameId.name())
                .put("lang", nameId.nameLang()));
  }

  /** An array of one object per item, in list order, each filled by {@code fill}. */
  private <T> ArrayNode objects(List<T> items, BiConsumer<ObjectNode, T> fill) {
    ArrayNode array = nodes.arrayNode();
    for (T item : items) {
      fill.accept(array.addObject(), item);
    }
    return array;
  }

  /**
   * Appends when an association began and ended (RFC 7865 §6: {@code associate-time}, {@code
   * disassociate-time}; null while it lasts): the last two fields of every element that has them.
   */
  private static ObjectNode times(ObjectNode node, Instant associate, Instant disassociate) {
    return node.put("associateTime", time(associate)).put("disassociateTime", time(disassociate));
  }
}
