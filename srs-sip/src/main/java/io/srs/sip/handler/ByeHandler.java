package io.srs.sip.handler;

import io.srs.core.service.RecordingService;
import io.srs.core.session.EndReason;
import io.srs.sip.message.InboundRequest;
import java.util.Optional;

/**
 * BYE (RFC 3261 §15.1.2; RFC 7866 §8.1.3): 200 OK, then the recording is finalised in the
 * background. A BYE for no dialog of ours gets 481.
 */
public final class ByeHandler implements RequestHandler {
  private final DialogRegistry dialogs;
  private final RecordingService service;

  ByeHandler(DialogRegistry dialogs, RecordingService service) {
    this.dialogs = dialogs;
    this.service = service;
  }

  @Override
  public void handle(InboundRequest request, Responder responder) {
    Optional<Dialog> dialog = dialogs.remove(request.dialogKey());
    if (dialog.isEmpty()) {
      responder.send(Replies.of(481));
      return;
    }
    dialog.get().moveTo(Dialog.State.TERMINATED);
    responder.send(Replies.of(200));
    service.end(dialog.get().recordingId(), EndReason.BYE);
  }
}
