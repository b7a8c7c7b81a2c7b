package io.srs.sip.handler;

import io.srs.sip.message.Reply;

/** A request we refuse, with the final response that says why. */
final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Reply reply;

  Refusal(Reply reply) {
    super(reply.toString(), null, false, false);
    this.reply = reply;
  }

  Reply reply() {
    return reply;
  }
}
