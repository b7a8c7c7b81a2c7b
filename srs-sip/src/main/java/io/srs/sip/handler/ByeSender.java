package io.srs.sip.handler;

import io.srs.sip.message.DialogKey;

/**
 * Sends a BYE in one of our dialogs (RFC 3261 §15.1.1). Implemented by the JAIN-SIP adapter, the
 * only code that may build a request; the handlers decide when and why.
 */
@FunctionalInterface
public interface ByeSender {

  /** For a dispatcher with no stack behind it (unit tests). */
  ByeSender NONE = (dialog, reason) -> {};

  /**
   * Sends BYE in {@code dialog} with {@code reason} as its Reason header value (RFC 3326). Must not
   * block — callers are timer, media and shutdown threads — and never throws. What the SRC answers
   * (200, 481, nothing) changes nothing: the recording is already final; the adapter logs it.
   */
  void sendBye(DialogKey dialog, String reason);
}
