package io.srs.sip.handler;

import io.srs.core.port.RecordingEvent;
import io.srs.core.service.RecordingService;
import io.srs.sip.SourceAllowlist;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.message.Reply;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first check on an initial INVITE (DESIGN.md, the path of one call, step 1): a source outside
 * {@code sip.allowed-sources} gets 403 before its body is read, reported like every other refusal
 * ({@code recording.rejected}, reason {@code source-not-allowed}). Requests inside a dialog pass:
 * the dialog exists, so its INVITE was allowed.
 */
final class SourceFilter implements RequestHandler {
  private static final Logger log = LoggerFactory.getLogger(SourceFilter.class);

  static final String REASON_PHRASE = "Source not allowed";

  private final SourceAllowlist allowed;
  private final RecordingService service;
  private final RequestHandler next;

  private SourceFilter(SourceAllowlist allowed, RecordingService service, RequestHandler next) {
    this.allowed = allowed;
    this.service = service;
    this.next = next;
  }

  /** {@code next} itself when every source is allowed. */
  static RequestHandler wrap(
      SourceAllowlist allowed, RecordingService service, RequestHandler next) {
    return allowed.allowsAll() ? next : new SourceFilter(allowed, service, next);
  }

  @Override
  public void handle(InboundRequest request, Responder responder) {
    if (request.dialogKey().inDialog() || allowed.allows(address(request))) {
      next.handle(request, responder);
      return;
    }
    Reply forbidden = Reply.of(403, REASON_PHRASE);
    log.info("refused {}: not in sip.allowed-sources", request);
    responder.send(forbidden);
    try {
      service.refused(
          request.callId(),
          403,
          RecordingEvent.RejectReason.SOURCE_NOT_ALLOWED,
          REASON_PHRASE + ": " + request.source());
    } catch (RuntimeException e) {
      log.warn("could not report the refusal of {}", request, e);
    }
  }

  private static InetAddress address(InboundRequest request) {
    return request.remote() == null ? null : request.remote().getAddress();
  }
}
