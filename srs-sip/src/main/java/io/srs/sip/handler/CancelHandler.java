package io.srs.sip.handler;

import io.srs.sip.message.InboundRequest;
import java.util.Optional;

/**
 * CANCEL (RFC 3261 §9.2): 200 to the CANCEL; if the INVITE has no final response yet, 487 to the
 * INVITE, and the {@link InviteHandler} ends any recording the domain accepted meanwhile. A CANCEL
 * that matches no INVITE gets 481.
 */
public final class CancelHandler implements RequestHandler {
  private final PendingInvites pending;

  CancelHandler(PendingInvites pending) {
    this.pending = pending;
  }

  @Override
  public void handle(InboundRequest request, Responder responder) {
    Optional<PendingInvite> invite = pending.find(request.transactionKey());
    if (invite.isEmpty()) {
      responder.send(Replies.of(481));
      return;
    }
    responder.send(Replies.of(200));
    invite.get().cancel();
  }
}
