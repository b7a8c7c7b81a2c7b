package io.srs.sip.handler;

import io.srs.core.service.RecordingService;
import io.srs.core.service.SessionUpdate;
import io.srs.core.service.UpdateDecision;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.message.Reply;
import io.srs.sip.sdp.SdpAnswer;
import io.srs.sip.sdp.SdpAnswerWriter;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A re-INVITE (RFC 3261 §14) or an UPDATE (RFC 3311) inside a recording dialog: SDP and/or
 * metadata, multipart or single part, handed to the domain as a {@link SessionUpdate} (DESIGN.md
 * "The path of one call", step 4).
 *
 * <ul>
 *   <li>applied, with an offer → 200 with the domain's answer, {@code o=} version incremented and
 *       the same sess-id (RFC 3264 §8), one m-line per offered m-line (new ones answered with port
 *       0 by the domain);
 *   <li>applied, no offer → 200 without a body for UPDATE (RFC 3311 §5.2); for a re-INVITE the 200
 *       must carry an offer (RFC 3261 §14.2), so it carries the current answer, next version;
 *   <li>refused → the domain's status, and the session goes on as before (RFC 3261 §14.2);
 *   <li>a request while another is being processed → 500 with Retry-After 0-10 s (RFC 3261 §14.2,
 *       RFC 3311 §5.2): we never have two offers open at once.
 * </ul>
 */
public final class ReInviteHandler implements RequestHandler {
  private static final Logger log = LoggerFactory.getLogger(ReInviteHandler.class);

  /** RFC 3261 §14.2: "a randomly chosen value of between 0 and 10 seconds". */
  static final int MAX_RETRY_AFTER_SECONDS = 10;

  private final DialogRegistry dialogs;
  private final RecordingService service;
  private final UpdateReader reader;
  private final SdpAnswerWriter answerWriter;
  private final LocalContact contact;
  private final RandomGenerator random;
  private final SessionTimer sessionTimer;

  ReInviteHandler(
      DialogRegistry dialogs,
      RecordingService service,
      UpdateReader reader,
      SdpAnswerWriter answerWriter,
      LocalContact contact,
      RandomGenerator random,
      SessionTimer sessionTimer) {
    this.dialogs = dialogs;
    this.service = service;
    this.reader = reader;
    this.answerWriter = answerWriter;
    this.contact = contact;
    this.random = random;
    this.sessionTimer = sessionTimer;
  }

  @Override
  public void handle(InboundRequest request, Responder responder) {
    Optional<Dialog> found = dialogs.find(request.dialogKey());
    if (found.isEmpty() || found.get().state() == Dialog.State.TERMINATED) {
      responder.send(Replies.of(481));
      return;
    }
    Dialog dialog = found.get();
    if (!dialog.beginUpdate()) {
      responder.send(
          Replies.error(500, "another re-INVITE or UPDATE is in progress")
              .withHeader(
                  "Retry-After", Integer.toString(random.nextInt(MAX_RETRY_AFTER_SECONDS + 1))));
      return;
    }
    try {
      responder.send(refresh(dialog, request));
    } finally {
      dialog.endUpdate();
    }
  }

  /**
   * RFC 4028 §10: a re-INVITE or UPDATE answered 2xx refreshes the session, whatever else it
   * carries; its interval is negotiated afresh (§9), and one refused changes nothing.
   */
  private Reply refresh(Dialog dialog, InboundRequest request) {
    SessionTimerPolicy.Agreement timer;
    try {
      timer = sessionTimer.negotiate(request);
    } catch (Refusal refusal) {
      log.info("refused {} in {}: {}", request, dialog, refusal.reply());
      return refusal.reply();
    }
    Reply reply = process(dialog, request);
    if (reply.status() / 100 != 2) {
      return reply;
    }
    sessionTimer.refreshed(dialog, timer);
    return SessionTimer.decorate(reply, timer);
  }

  private Reply process(Dialog dialog, InboundRequest request) {
    boolean invite = request.method().equals("INVITE");
    UpdateReader.Read read;
    try {
      read =
          reader.read(
              request,
              invite ? SessionUpdate.Trigger.REINVITE : SessionUpdate.Trigger.UPDATE,
              true);
    } catch (Refusal refusal) {
      log.info("refused {} in {}: {}", request, dialog, refusal.reply());
      return refusal.reply();
    }
    SessionUpdate update = read.update();
    Reply ok = Replies.of(200).withHeader("Contact", contact.contact(request));
    if (update.hasOffer() || update.hasMetadata()) {
      UpdateDecision decision;
      try {
        decision = service.update(dialog.recordingId(), update);
      } catch (RuntimeException e) {
        log.error("recording service failed on {} in {}", request, dialog, e);
        return Replies.error(500, "recording service failed");
      }
      if (decision instanceof UpdateDecision.Refused refused) {
        log.info(
            "domain refused {} in {}: {} {}", request, dialog, refused.status(), refused.reason());
        return refusal(refused);
      }
      UpdateDecision.Applied applied = (UpdateDecision.Applied) decision;
      if (read.offer() != null) {
        SdpAnswer answer;
        try {
          answer = dialog.answerOffer(read.offer(), applied.streams());
        } catch (IllegalArgumentException e) {
          log.error("cannot answer {} in {}: {}", request, dialog, e.getMessage());
          return Replies.error(500, "cannot build the SDP answer");
        }
        return ok.withBody("application/sdp", answerWriter.write(answer));
      }
    }
    if (invite) {
      // An offerless re-INVITE: our 2xx carries the offer (RFC 3261 §14.2), the current session.
      return ok.withBody("application/sdp", answerWriter.write(dialog.reanswer()));
    }
    return ok;
  }

  private Reply refusal(UpdateDecision.Refused refused) {
    String reason = refused.reason() == null ? Replies.phrase(refused.status()) : refused.reason();
    Reply reply = Reply.of(refused.status(), reason);
    if (refused.warning() != null) {
      reply =
          reply.withHeader(
              "Warning",
              Replies.warning(refused.warnCode(), contact.warnAgent(), refused.warning()));
    }
    return reply;
  }
}
