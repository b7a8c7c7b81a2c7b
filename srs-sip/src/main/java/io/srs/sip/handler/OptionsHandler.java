package io.srs.sip.handler;

import io.srs.core.service.RecordingService;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.message.Reply;

/**
 * OPTIONS (RFC 3261 §11.2): what we support, and whether we take calls now. Load balancers probe
 * with it, so a full or draining recorder answers 503 with Retry-After and the SRC fails over.
 */
public final class OptionsHandler implements RequestHandler {
  private final RecordingService service;
  private final LocalContact contact;

  OptionsHandler(RecordingService service, LocalContact contact) {
    this.service = service;
    this.contact = contact;
  }

  @Override
  public void handle(InboundRequest request, Responder responder) {
    Reply reply =
        service.acceptingCalls()
            ? Replies.of(200).withHeader("Contact", contact.contact(request))
            : Replies.error(503, "not accepting calls")
                .withHeader("Retry-After", Integer.toString(SipCapabilities.RETRY_AFTER_SECONDS));
    responder.send(
        reply
            .withHeader("Allow", SipCapabilities.ALLOW)
            .withHeader("Accept", SipCapabilities.ACCEPT)
            .withHeader("Supported", SipCapabilities.SUPPORTED));
  }
}
