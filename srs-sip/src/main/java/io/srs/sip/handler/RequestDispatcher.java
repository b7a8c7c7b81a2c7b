package io.srs.sip.handler;

import io.srs.core.service.RecordingService;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import io.srs.sip.SipSettings;
import io.srs.sip.message.DialogKey;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.sdp.SdpAnswerWriter;
import io.srs.sip.sdp.SdpParser;
import io.srs.sip.siprec.MetadataDecoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request to its method's handler, after the checks RFC 3261 §8.2 puts first: an
 * unknown method gets 501, a known one we do not implement 405 with Allow (§8.2.1); an unsupported
 * {@code Require} option tag gets 420 with Unsupported (§8.2.2.3, never for ACK and CANCEL). Also
 * the entry point for the dialog events the transaction layer raises.
 */
public final class RequestDispatcher {
  private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

  private final Map<String, RequestHandler> handlers;
  private final DialogRegistry dialogs;
  private final RecordingService service;
  private final AckTimeout ackTimeout;
  private final Hangup hangup;

  RequestDispatcher(
      Map<String, RequestHandler> handlers,
      DialogRegistry dialogs,
      RecordingService service,
      AckTimeout ackTimeout,
      Hangup hangup) {
    this.handlers = Map.copyOf(handlers);
    this.dialogs = dialogs;
    this.service = service;
    this.ackTimeout = ackTimeout;
    this.hangup = hangup;
  }

  /**
   * The standard handler set: INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE.
   *
   * @param offerExecutor where the domain's offer decisions run (off the SIP threads)
   * @param scheduler runs the ACK timeout and the session timer (RFC 4028) of each dialog
   * @param timerPolicy session-timer bounds: {@link SessionTimerPolicy#STANDARD} in production, a
   *     shorter minimum in tests
   * @param byes sends the BYEs with which we end dialogs ourselves
   */
  public static RequestDispatcher create(
      SipSettings settings,
      RecordingService service,
      MetadataDecoder metadataDecoder,
      Executor offerExecutor,
      Scheduler scheduler,
      Clock clock,
      RandomGenerator random,
      SessionTimerPolicy timerPolicy,
      ByeSender byes) {
    DialogRegistry dialogs = new DialogRegistry();
    Hangup hangup = new Hangup(dialogs, byes);
    SessionTimer sessionTimer = new SessionTimer(timerPolicy, dialogs, service, scheduler, hangup);
    AckTimeout ackTimeout = new AckTimeout(dialogs, service, scheduler, hangup);
    PendingInvites pending = new PendingInvites(clock);
    SdpParser sdpParser = new SdpParser();
    SdpAnswerWriter answerWriter = new SdpAnswerWriter(settings.mediaAddress());
    LocalContact contact = new LocalContact(settings);
    InviteReader reader = new InviteReader(settings.maxMessageBytes(), sdpParser, metadataDecoder);
    UpdateReader updates = new UpdateReader(reader, sdpParser);
    ReInviteHandler reInvite =
        new ReInviteHandler(dialogs, service, updates, answerWriter, contact, random, sessionTimer);
    Map<String, RequestHandler> handlers =
        Map.of(
            "INVITE",
            SourceFilter.wrap(
                settings.allowedSources(),
                service,
                new InviteHandler(
                    service,
                    reader,
                    dialogs,
                    pending,
                    offerExecutor,
                    random,
                    answerWriter,
                    contact,
                    reInvite,
                    ackTimeout,
                    sessionTimer)),
            "ACK",
            new AckHandler(dialogs, service, hangup),
            "BYE",
            new ByeHandler(dialogs, service, updates),
            "CANCEL",
            new CancelHandler(pending),
            "OPTIONS",
            new OptionsHandler(service, contact),
            "UPDATE",
            reInvite);
    return new RequestDispatcher(handlers, dialogs, service, ackTimeout, hangup);
  }

  public void dispatch(InboundRequest request, Responder responder) {
    String method = request.method();
    RequestHandler handler = handlers.get(method);
    if (handler == null) {
      if (SipCapabilities.KNOWN_UNSUPPORTED.contains(method)) {
        responder.send(Replies.of(405).withHeader("Allow", SipCapabilities.ALLOW));
      } else if (!method.equals("ACK")) {
        responder.send(Replies.of(501).withHeader("Allow", SipCapabilities.ALLOW));
      }
      return;
    }
    if (!method.equals("ACK") && !method.equals("CANCEL")) {
      List<String> unsupported = unsupportedRequirements(request);
      if (!unsupported.isEmpty()) {
        String tags = String.join(", ", unsupported);
        responder.send(
            Replies.error(420, "unsupported Require: " + tags).withHeader("Unsupported", tags));
        return;
      }
    }
    try {
      handler.handle(request, responder);
    } catch (RuntimeException e) {
      log.error("handler failed on {}", request, e);
      if (!method.equals("ACK")) {
        responder.send(Replies.error(500, "unexpected error handling " + method));
      }
    }
  }

  /**
   * The transaction layer reports our 2xx unacknowledged after 64*T1 (RFC 3261 §13.3.1.4); our own
   * {@link AckTimeout} normally got there first, and this is then a no-op.
   */
  public void ackTimedOut(DialogKey key) {
    ackTimeout.expire(key);
  }

  /**
   * The transaction layer dropped a dialog we still hold (BYE and ACK timeout remove theirs first):
   * end the recording rather than leave it running with no way to end it.
   */
  public void dialogTerminated(DialogKey key) {
    dialogs
        .remove(key)
        .ifPresent(
            dialog -> {
              log.warn(
                  "dialog {} ended without BYE; ending recording {}", key, dialog.recordingId());
              dialog.moveTo(Dialog.State.TERMINATED);
              service.end(dialog.recordingId(), EndReason.ERROR);
            });
  }

  /**
   * The domain ended recording {@code id} for {@code reason} (media timeout, shutdown...): unless
   * the SRC ended it itself, its dialog is forgotten and a BYE tells the SRC (RFC 3261 §15.1.1).
   * Safe from any thread; never blocks.
   */
  public void recordingEnded(RecordingId id, EndReason reason) {
    hangup.recordingEnded(id, reason);
  }

  public int dialogCount() {
    return dialogs.size();
  }

  private static List<String> unsupportedRequirements(InboundRequest request) {
    List<String> unsupported = new ArrayList<>();
    for (String tag : request.headers().tokens("Require")) {
      if (!SipCapabilities.OPTION_TAGS.contains(tag) && !unsupported.contains(tag)) {
        unsupported.add(tag);
      }
    }
    return unsupported;
  }
}
