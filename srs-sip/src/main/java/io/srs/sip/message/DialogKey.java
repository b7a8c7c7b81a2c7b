package io.srs.sip.message;

import java.util.Objects;

/**
 * Identifies a dialog from our side, the UAS (RFC 3261 §12): the Call-ID, the remote tag (the From
 * tag of requests the SRC sends) and our local tag (the To tag we chose; null before we answer).
 */
public record DialogKey(String callId, String remoteTag, String localTag) {

  public DialogKey {
    Objects.requireNonNull(callId, "callId");
    remoteTag = remoteTag == null ? "" : remoteTag;
  }

  /** True when the request already belongs to a dialog (its To carries our tag). */
  public boolean inDialog() {
    return localTag != null;
  }

  public DialogKey withLocalTag(String tag) {
    return new DialogKey(callId, remoteTag, tag);
  }

  @Override
  public String toString() {
    return callId + ";from-tag=" + remoteTag + ";to-tag=" + localTag;
  }
}
