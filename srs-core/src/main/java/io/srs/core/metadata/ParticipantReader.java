package io.srs.core.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 7865 §6.5 {@code participant} and its {@code nameID} children. The draft schema (Acme
 * Packet/Oracle, AudioCodes legacy, BroadWorks) also put here what RFC 7865 moved to association
 * elements: a {@code session} attribute, {@code send}/{@code recv} children and the association
 * times. They become a {@link ParticipantSessionAssociation} and a {@link
 * ParticipantStreamAssociation}, so the rest of the system sees one model.
 */
final class ParticipantReader {
  private ParticipantReader() {}

  static void read(XmlCursor cursor, ModelBuilder model) throws MetadataException {
    // Ids are kept as sent: SRCs use base64 (the RFC), E.164 numbers, UUIDs or hex.
    String id = cursor.requiredAttribute(RecordingXml.PARTICIPANT_ID, RecordingXml.DRAFT_ID);
    String draftSession = cursor.attribute(RecordingXml.DRAFT_SESSION);
    List<NameId> nameIds = new ArrayList<>();
    List<String> send = new ArrayList<>();
    List<String> recv = new ArrayList<>();
    Instant associated = null;
    Instant disassociated = null;
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.NAME_ID)) {
        nameIds.add(readNameId(cursor, model, id));
      } else if (cursor.is(RecordingXml.SEND)) {
        ParticipantStreamAssocReader.addIfPresent(send, cursor.text());
      } else if (cursor.is(RecordingXml.RECV)) {
        ParticipantStreamAssocReader.addIfPresent(recv, cursor.text());
      } else if (cursor.is(RecordingXml.ASSOCIATE_TIME)) {
        associated = MetadataTimes.parse(cursor.text());
      } else if (cursor.is(RecordingXml.DISASSOCIATE_TIME)) {
        disassociated = MetadataTimes.parse(cursor.text());
      } else {
        ExtensionReader.keepOrSkip(cursor, model, id);
      }
    }
    model.participants.add(new Participant(id, nameIds));
    if (draftSession != null) {
      model.participantSessions.add(
          new ParticipantSessionAssociation(id, draftSession, associated, disassociated));
    }
    if (!send.isEmpty() || !recv.isEmpty()) {
      model.participantStreams.add(
          new ParticipantStreamAssociation(id, send, recv, associated, disassociated));
    }
  }

  /**
   * {@code <nameID aor="sip:bob@biloxi.com"><name xml:lang="it">Bob</name></nameID>}: the schema
   * allows several names (one per language); the first non-empty one is kept.
   */
  private static NameId readNameId(XmlCursor cursor, ModelBuilder model, String owner)
      throws MetadataException {
    String aor = cursor.requiredAttribute(RecordingXml.AOR);
    String name = null;
    String lang = null;
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.NAME)) {
        String language = cursor.language();
        String text = cursor.text();
        if (name == null && !text.isEmpty()) {
          name = text;
          lang = language;
        }
      } else {
        ExtensionReader.keepOrSkip(cursor, model, owner);
      }
    }
    return new NameId(aor, name, lang);
  }
}
