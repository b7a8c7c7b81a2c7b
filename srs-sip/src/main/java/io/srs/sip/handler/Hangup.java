package io.srs.sip.handler;

import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a dialog from our side when the recorder, not the SRC, ended its recording (RFC 3261
 * §15.1.1): the dialog is forgotten and a BYE with a Reason header (RFC 3326) tells the SRC why, so
 * an SBC knows recording stopped and can alarm or fork the call again. Whoever removes a dialog
 * from the {@link DialogRegistry} owns its end, so a BYE from the SRC, a session-timer expiry and a
 * shutdown racing each other send at most one BYE, and none when the SRC's own BYE came first.
 *
 * <p>The Reason values, each {@code SIP;cause=<status>;text="..."}:
 *
 * <ul>
 *   <li>media timeout, session-timer expiry (RFC 4028 §10), no ACK (RFC 3261 §13.3.1.4): 408;
 *   <li>shutdown (the drain limit passed): 503, as to a new INVITE while draining;
 *   <li>any other failure: 500.
 * </ul>
 */
final class Hangup {
  private static final Logger log = LoggerFactory.getLogger(Hangup.class);

  private final DialogRegistry dialogs;
  private final ByeSender byes;

  Hangup(DialogRegistry dialogs, ByeSender byes) {
    this.dialogs = dialogs;
    this.byes = byes;
  }

  /**
   * The domain ended recording {@code id} for {@code reason}: hang up its dialog if we still hold
   * it. A dialog whose ACK has not come yet is hung up when it comes: RFC 3261 §15 forbids a BYE
   * before the ACK of our 2xx (or the 2xx's timeout, which {@link AckTimeout} handles).
   */
  void recordingEnded(RecordingId id, EndReason reason) {
    if (reason.endedBySrc()) {
      return;
    }
    dialogs
        .findByRecording(id)
        .ifPresent(
            dialog -> {
              if (dialog.deferHangupUntilAck(reason)) {
                log.debug("{} ended ({}) before its ACK; BYE follows the ACK", dialog, reason);
              } else {
                end(dialog, reason);
              }
            });
  }

  /** The ACK arrived: a hang-up that waited for it goes out now. */
  void acknowledged(Dialog dialog) {
    EndReason pending = dialog.pendingHangup();
    if (pending != null) {
      end(dialog, pending);
    }
  }

  private void end(Dialog dialog, EndReason reason) {
    if (dialogs.removeIf(dialog.key(), registered -> registered == dialog).isPresent()) {
      dialog.moveTo(Dialog.State.TERMINATED);
      bye(dialog, reason);
    }
  }

  /** Sends the BYE for a dialog the caller has already removed from the registry. */
  void bye(Dialog dialog, EndReason reason) {
    String header = reasonHeader(reason);
    log.info("hanging up {}: BYE with Reason: {}", dialog, header);
    byes.sendBye(dialog.key(), header);
  }

  /** The Reason header value (RFC 3326 §2) for a recorder-side end. */
  static String reasonHeader(EndReason reason) {
    return switch (reason) {
      case MEDIA_TIMEOUT -> "SIP;cause=408;text=\"media timeout\"";
      case SESSION_EXPIRED -> "SIP;cause=408;text=\"session expired\"";
      case NO_ACK -> "SIP;cause=408;text=\"no ACK\"";
      case SHUTDOWN -> "SIP;cause=503;text=\"recorder shutting down\"";
      // RECOVERED never reaches a dialog (none survives a restart); an error if it ever did.
      case ERROR, RECOVERED -> "SIP;cause=500;text=\"recorder error\"";
      case BYE, CANCEL ->
          throw new IllegalArgumentException("the SRC ended the call itself: " + reason);
    };
  }
}
