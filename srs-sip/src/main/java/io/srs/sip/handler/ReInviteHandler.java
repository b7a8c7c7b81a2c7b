package io.srs.sip.handler;

import io.srs.sip.message.InboundRequest;
import io.srs.sip.message.Reply;
import io.srs.sip.sdp.SdpAnswer;
import io.srs.sip.sdp.SdpAnswerWriter;
import io.srs.sip.sdp.SdpParser;
import io.srs.sip.sdp.SessionDescription;
import io.srs.sip.siprec.InviteBody;
import java.util.Optional;

/**
 * A re-INVITE or an UPDATE inside a dialog (RFC 3261 §14, RFC 3311). For now the session does not
 * change: we answer with the current answer, its {@code o=} version incremented (RFC 3264 §8), and
 * refuse an offer that changes the number of m-lines, which that answer could not match.
 *
 * <p>Hook: {@link #update} is where metadata updates and SDP changes (pause via {@code inactive},
 * new streams) will be applied (DESIGN.md "The path of one call", step 4; a later issue).
 */
public final class ReInviteHandler implements RequestHandler {
  private final DialogRegistry dialogs;
  private final InviteReader reader;
  private final SdpParser sdpParser;
  private final SdpAnswerWriter answerWriter;
  private final LocalContact contact;

  ReInviteHandler(
      DialogRegistry dialogs,
      InviteReader reader,
      SdpParser sdpParser,
      SdpAnswerWriter answerWriter,
      LocalContact contact) {
    this.dialogs = dialogs;
    this.reader = reader;
    this.sdpParser = sdpParser;
    this.answerWriter = answerWriter;
    this.contact = contact;
  }

  @Override
  public void handle(InboundRequest request, Responder responder) {
    Optional<Dialog> found = dialogs.find(request.dialogKey());
    if (found.isEmpty() || found.get().state() == Dialog.State.TERMINATED) {
      responder.send(Replies.of(481));
      return;
    }
    Dialog dialog = found.get();
    try {
      InviteBody body = reader.body(request);
      SessionDescription offer = body.hasOffer() ? InviteReader.sdp(sdpParser, body.sdp()) : null;
      update(dialog, request, body, offer);
      boolean mustAnswer = offer != null || request.method().equals("INVITE");
      Reply ok = Replies.of(200).withHeader("Contact", contact.contact(request.transport()));
      if (mustAnswer) {
        SdpAnswer answer = dialog.reanswer();
        ok = ok.withBody("application/sdp", answerWriter.write(answer));
      }
      responder.send(ok);
    } catch (Refusal refusal) {
      responder.send(refusal.reply());
    }
  }

  /**
   * Applies what the request changes. Today: nothing, except refusing a new offer whose m-line
   * count differs from ours (RFC 3264 §8: the answer must match the offer m-line by m-line).
   */
  private static void update(
      Dialog dialog, InboundRequest request, InviteBody body, SessionDescription offer)
      throws Refusal {
    int current = dialog.answer().offer().media().size();
    if (offer != null && offer.media().size() != current) {
      throw new Refusal(
          Replies.error(
              488,
              "changing the number of m-lines ("
                  + current
                  + " to "
                  + offer.media().size()
                  + ") is not supported yet"));
    }
  }
}
