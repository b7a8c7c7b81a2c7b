package io.srs.core.metadata;

import java.util.ArrayList;
import java.util.List;

/** Collects what the element readers find in one document, in document order. */
final class ModelBuilder {
  DataMode dataMode;
  final List<MetadataGroup> groups = new ArrayList<>();
  final List<MetadataSession> sessions = new ArrayList<>();
  final List<Participant> participants = new ArrayList<>();
  final List<MetadataStream> streams = new ArrayList<>();
  final List<SessionRecordingAssociation> sessionRecordings = new ArrayList<>();
  final List<ParticipantSessionAssociation> participantSessions = new ArrayList<>();
  final List<ParticipantStreamAssociation> participantStreams = new ArrayList<>();
  final List<ExtensionData> extensions = new ArrayList<>();

  RecordingMetadata build() {
    return new RecordingMetadata(
        dataMode == null ? DataMode.COMPLETE : dataMode,
        groups,
        sessions,
        participants,
        streams,
        sessionRecordings,
        participantSessions,
        participantStreams,
        extensions);
  }
}
