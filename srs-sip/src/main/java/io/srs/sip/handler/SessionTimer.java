package io.srs.sip.handler;

import io.srs.core.service.RecordingService;
import io.srs.core.session.EndReason;
import io.srs.sip.message.DialogKey;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.message.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the RFC 4028 session timer of each dialog on the {@link Scheduler}. Each 2xx to an INVITE,
 * re-INVITE or UPDATE that agreed an interval (re)starts it (§10: a refresh is any such transaction
 * answered 2xx); one that agreed none stops it. When it fires the dialog is forgotten, a BYE goes
 * out (§10: the side that is not the refresher SHOULD send one) with {@code Reason: SIP;cause=408}
 * and the recording ends with {@link EndReason#SESSION_EXPIRED}.
 */
final class SessionTimer {
  private static final Logger log = LoggerFactory.getLogger(SessionTimer.class);

  private final SessionTimerPolicy policy;
  private final DialogRegistry dialogs;
  private final RecordingService service;
  private final Scheduler scheduler;
  private final Hangup hangup;

  SessionTimer(
      SessionTimerPolicy policy,
      DialogRegistry dialogs,
      RecordingService service,
      Scheduler scheduler,
      Hangup hangup) {
    this.policy = policy;
    this.dialogs = dialogs;
    this.service = service;
    this.scheduler = scheduler;
    this.hangup = hangup;
  }

  /** The interval to agree to for {@code request}, or a refusal (400, 422). */
  SessionTimerPolicy.Agreement negotiate(InboundRequest request) throws Refusal {
    return policy.negotiate(request.headers());
  }

  /** {@code ok} with Session-Expires and Require: timer when the agreement runs a timer (§9). */
  static Reply decorate(Reply ok, SessionTimerPolicy.Agreement agreement) {
    if (!agreement.runs()) {
      return ok;
    }
    return ok.withHeader("Session-Expires", agreement.header().toHeaderValue())
        .withHeader("Require", "timer");
  }

  /** Restarts the dialog's timer for a 2xx just sent, or stops it when none was agreed. */
  void refreshed(Dialog dialog, SessionTimerPolicy.Agreement agreement) {
    long generation = dialog.nextTimerGeneration();
    if (!agreement.runs()) {
      return;
    }
    DialogKey key = dialog.key();
    Scheduler.Cancel cancel = scheduler.schedule(agreement.expiry(), () -> expire(key, generation));
    dialog.timerScheduled(generation, cancel);
  }

  /** Ends the dialog's recording unless a refresh or an end overtook this timer. */
  void expire(DialogKey key, long generation) {
    dialogs
        .removeIf(key, dialog -> dialog.isCurrentTimer(generation))
        .ifPresent(
            dialog -> {
              log.warn(
                  "session timer expired for {}; ending recording {}", key, dialog.recordingId());
              dialog.moveTo(Dialog.State.TERMINATED);
              hangup.bye(dialog, EndReason.SESSION_EXPIRED);
              service.end(dialog.recordingId(), EndReason.SESSION_EXPIRED);
            });
  }
}
