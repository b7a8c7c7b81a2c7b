package io.srs.sip.handler;

import io.srs.core.service.RecordingService;
import io.srs.core.service.SessionUpdate;
import io.srs.core.service.UpdateDecision;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import io.srs.sip.message.InboundRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BYE (RFC 3261 §15.1.2; RFC 7866 §8.1.3): 200 OK, then the recording is finalised in the
 * background. A BYE for no dialog of ours gets 481.
 *
 * <p>Some SRCs (Ribbon) send the final metadata in the BYE: it goes to the domain as an update
 * before the recording ends, so the last participant change is kept. A BYE cannot be refused for
 * its body (RFC 3261 §15.1.2: the session ends), so a body we would refuse in an INVITE (too large,
 * DOCTYPE, unsupported type) is logged and not kept; the BYE still gets its 200.
 */
public final class ByeHandler implements RequestHandler {
  private static final Logger log = LoggerFactory.getLogger(ByeHandler.class);

  private final DialogRegistry dialogs;
  private final RecordingService service;
  private final UpdateReader reader;

  ByeHandler(DialogRegistry dialogs, RecordingService service, UpdateReader reader) {
    this.dialogs = dialogs;
    this.service = service;
    this.reader = reader;
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
    RecordingId id = dialog.get().recordingId();
    try {
      if (request.bodyLength() > 0) {
        applyFinalMetadata(request, id);
      }
    } finally {
      service.end(id, EndReason.BYE);
    }
  }

  private void applyFinalMetadata(InboundRequest request, RecordingId id) {
    SessionUpdate update;
    try {
      update = reader.read(request, SessionUpdate.Trigger.BYE, false).update();
    } catch (Refusal refusal) {
      log.info("{} for recording {}: body not kept: {}", request, id, refusal.reply());
      return;
    }
    if (!update.hasMetadata()) {
      return;
    }
    try {
      UpdateDecision decision = service.update(id, update);
      if (decision instanceof UpdateDecision.Refused refused) {
        log.info("{} for recording {}: final metadata refused: {}", request, id, refused);
      }
    } catch (RuntimeException e) {
      log.error("recording service failed on the metadata of {} for {}", request, id, e);
    }
  }
}
