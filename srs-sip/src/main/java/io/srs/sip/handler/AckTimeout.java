package io.srs.sip.handler;

import io.srs.core.service.RecordingService;
import io.srs.core.session.EndReason;
import io.srs.sip.message.DialogKey;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 3261 §13.3.1.4: a 2xx retransmitted for 64*T1 without an ACK means the session SHOULD end
 * with a BYE. We keep this timer ourselves rather than trust JAIN-SIP's dialog timeout event, which
 * the RI raises only for dialogs the application created explicitly.
 */
public final class AckTimeout {
  private static final Logger log = LoggerFactory.getLogger(AckTimeout.class);

  /** 64*T1 with T1 = 500 ms (RFC 3261 §17.1.1.1, Table 4). */
  public static final Duration ACK_WAIT = Duration.ofSeconds(32);

  private final DialogRegistry dialogs;
  private final RecordingService service;
  private final Scheduler scheduler;
  private final Hangup hangup;

  AckTimeout(DialogRegistry dialogs, RecordingService service, Scheduler scheduler, Hangup hangup) {
    this.dialogs = dialogs;
    this.service = service;
    this.scheduler = scheduler;
    this.hangup = hangup;
  }

  /** Starts the wait for the ACK of the 2xx just sent on {@code dialog}. */
  void start(Dialog dialog) {
    scheduler.schedule(ACK_WAIT, () -> expire(dialog.key()));
  }

  /** Hangs up and ends the dialog's recording with NO_ACK unless its ACK has arrived. */
  void expire(DialogKey key) {
    dialogs
        .removeIf(key, dialog -> dialog.state() == Dialog.State.ANSWERED)
        .ifPresent(
            dialog -> {
              log.warn("no ACK for {}; ending recording {}", key, dialog.recordingId());
              dialog.moveTo(Dialog.State.TERMINATED);
              hangup.bye(dialog, EndReason.NO_ACK);
              service.end(dialog.recordingId(), EndReason.NO_ACK);
            });
  }
}
