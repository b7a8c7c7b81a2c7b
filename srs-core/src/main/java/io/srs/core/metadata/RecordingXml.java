package io.srs.core.metadata;

/**
 * The names of RFC 7865 §6 that the readers match, by local name and whatever their case. Elements
 * are matched whatever their prefix, in the RFC's namespace, the drafts' namespace, BroadWorks'
 * namespace or none (SRCs in the field send all four); elements of any other namespace are
 * extension data (RFC 7865 §6.11) and are kept verbatim.
 */
final class RecordingXml {
  private RecordingXml() {}

  /** RFC 7865 §9.1: the namespace of the published format. */
  static final String NAMESPACE = "urn:ietf:params:xml:ns:recording:1";

  /** The namespace of draft-ietf-siprec-metadata, still sent by older SRCs. */
  static final String DRAFT_NAMESPACE = "urn:ietf:params:xml:ns:recording";

  /** BroadWorks' namespace for its draft-era format (root {@code recording_metadata}). */
  static final String BROADWORKS_NAMESPACE = "urn:ietf:params:xml:ns:siprec";

  static final String RECORDING = "recording";

  /** BroadWorks' name for the root. */
  static final String RECORDING_METADATA = "recording_metadata";

  /** RFC 7865 §6.1; the schema spells it {@code datamode}, the prose {@code dataMode}. */
  static final String DATA_MODE = "datamode";

  /** The draft schema's attribute for every element's own id, and for references to a session. */
  static final String DRAFT_ID = "id";

  static final String DRAFT_SESSION = "session";
  static final String DRAFT_PARTICIPANT = "participant";

  static final String GROUP = "group";
  static final String GROUP_ID = "group_id";

  static final String SESSION = "session";
  static final String SESSION_ID = "session_id";
  static final String SIP_SESSION_ID = "sipSessionID";
  static final String GROUP_REF = "group-ref";
  static final String START_TIME = "start-time";
  static final String STOP_TIME = "stop-time";

  static final String PARTICIPANT = "participant";
  static final String PARTICIPANT_ID = "participant_id";
  static final String NAME_ID = "nameID";
  static final String AOR = "aor";
  static final String NAME = "name";

  static final String STREAM = "stream";
  static final String STREAM_ID = "stream_id";
  static final String LABEL = "label";

  static final String SESSION_RECORDING_ASSOC = "sessionrecordingassoc";
  static final String PARTICIPANT_SESSION_ASSOC = "participantsessionassoc";
  static final String PARTICIPANT_STREAM_ASSOC = "participantstreamassoc";
  static final String SEND = "send";
  static final String RECV = "recv";
  static final String ASSOCIATE_TIME = "associate-time";
  static final String DISASSOCIATE_TIME = "disassociate-time";

  /** BroadWorks' (and some drafts') wrapper for extension data; {@code parent} names its owner. */
  static final String EXTENSION_DATA = "extensiondata";

  static final String PARENT = "parent";

  /** True for the namespaces whose elements we read: RFC 7865's, the drafts', or none. */
  static boolean isRecordingNamespace(String namespaceUri) {
    return namespaceUri == null
        || namespaceUri.isEmpty()
        || NAMESPACE.equals(namespaceUri)
        || DRAFT_NAMESPACE.equals(namespaceUri)
        || BROADWORKS_NAMESPACE.equals(namespaceUri);
  }
}
