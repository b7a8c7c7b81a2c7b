package io.srs.sip.handler;

import io.srs.core.service.RecordingService;
import io.srs.sip.message.InboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACK for our 2xx (RFC 3261 §13.3.1.4): the dialog is confirmed and the recording goes live — or,
 * when the recorder ended it while the ACK was on its way, the BYE that waited for the ACK goes
 * out. ACKs for non-2xx responses are absorbed by the transaction layer and never reach us. ACK is
 * never answered.
 */
public final class AckHandler implements RequestHandler {
  private static final Logger log = LoggerFactory.getLogger(AckHandler.class);

  private final DialogRegistry dialogs;
  private final RecordingService service;
  private final Hangup hangup;

  AckHandler(DialogRegistry dialogs, RecordingService service, Hangup hangup) {
    this.dialogs = dialogs;
    this.service = service;
    this.hangup = hangup;
  }

  @Override
  public void handle(InboundRequest request, Responder responder) {
    dialogs
        .find(request.dialogKey())
        .ifPresentOrElse(
            dialog -> {
              if (dialog.moveTo(Dialog.State.CONFIRMED)) {
                service.acknowledge(dialog.recordingId());
                hangup.acknowledged(dialog);
              }
            },
            () -> log.debug("ACK for no dialog of ours: {}", request));
  }
}
