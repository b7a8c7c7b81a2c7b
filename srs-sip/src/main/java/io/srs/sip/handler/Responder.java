package io.srs.sip.handler;

import io.srs.sip.message.Reply;

/**
 * Sends responses within one server transaction. Implementations never throw: a response that
 * cannot be sent is logged by the adapter (the transaction layer retransmits or times out).
 */
@FunctionalInterface
public interface Responder {

  void send(Reply reply);

  /** For requests that are never answered (ACK). */
  Responder NONE = reply -> {};
}
