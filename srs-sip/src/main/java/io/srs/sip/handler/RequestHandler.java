package io.srs.sip.handler;

import io.srs.sip.message.InboundRequest;

/** Handles one SIP method. Called on SIP threads, concurrently; implementations are thread-safe. */
@FunctionalInterface
public interface RequestHandler {

  void handle(InboundRequest request, Responder responder);
}
