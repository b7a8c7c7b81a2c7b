package io.srs.sip.handler;

import io.srs.core.port.RecordingEvent;
import io.srs.core.service.OfferDecision;
import io.srs.core.service.OfferDecision.Accepted;
import io.srs.core.service.OfferDecision.Rejected;
import io.srs.core.service.RecordingService;
import io.srs.core.session.EndReason;
import io.srs.sip.message.DialogKey;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.message.Reply;
import io.srs.sip.sdp.SdpAnswer;
import io.srs.sip.sdp.SdpAnswerWriter;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVITE. An initial INVITE gets 100 Trying at once (RFC 3261 §8.2.6.1), is read and checked on the
 * SIP thread (pure work), and the domain's decision — which reserves storage and media ports — runs
 * on the offer executor, so SIP threads never wait on it and a CANCEL can overtake it (RFC 3261
 * §9.2). An INVITE inside a dialog goes to the {@link ReInviteHandler}.
 */
public final class InviteHandler implements RequestHandler {
  private static final Logger log = LoggerFactory.getLogger(InviteHandler.class);

  private final RecordingService service;
  private final InviteReader reader;
  private final DialogRegistry dialogs;
  private final PendingInvites pending;
  private final Executor offerExecutor;
  private final RandomGenerator random;
  private final SdpAnswerWriter answerWriter;
  private final LocalContact contact;
  private final RequestHandler reInvite;
  private final AckTimeout ackTimeout;
  private final SessionTimer sessionTimer;

  InviteHandler(
      RecordingService service,
      InviteReader reader,
      DialogRegistry dialogs,
      PendingInvites pending,
      Executor offerExecutor,
      RandomGenerator random,
      SdpAnswerWriter answerWriter,
      LocalContact contact,
      RequestHandler reInvite,
      AckTimeout ackTimeout,
      SessionTimer sessionTimer) {
    this.service = service;
    this.reader = reader;
    this.dialogs = dialogs;
    this.pending = pending;
    this.offerExecutor = offerExecutor;
    this.random = random;
    this.answerWriter = answerWriter;
    this.contact = contact;
    this.reInvite = reInvite;
    this.ackTimeout = ackTimeout;
    this.sessionTimer = sessionTimer;
  }

  @Override
  public void handle(InboundRequest request, Responder responder) {
    if (request.dialogKey().inDialog()) {
      reInvite.handle(request, responder);
      return;
    }
    String identity =
        request.callId()
            + '\n'
            + request.dialogKey().remoteTag()
            + '\n'
            + request.headers().first("CSeq").orElse("");
    PendingInvites.Begin begin = pending.begin(request.transactionKey(), identity, responder);
    if (begin instanceof PendingInvites.Begin.Duplicate) {
      log.debug("ignoring retransmitted {}", request);
      return;
    }
    if (begin instanceof PendingInvites.Begin.Merged) {
      // A forked or looped copy of an INVITE we already handle: one call, one recording.
      log.info("refused merged request {} (RFC 3261 §8.2.2.2)", request);
      responder.send(Replies.error(482, "this INVITE already arrived by another path"));
      return;
    }
    if (!(begin instanceof PendingInvites.Begin.Started started)) {
      Reply busy = busy("too many INVITEs in progress");
      responder.send(busy);
      report(request, busy);
      return;
    }
    PendingInvite invite = started.invite();
    responder.send(Replies.of(100));
    InviteReader.Read read;
    SessionTimerPolicy.Agreement timer;
    try {
      timer = sessionTimer.negotiate(request);
      read = reader.read(request);
    } catch (Refusal refusal) {
      log.info("refused {}: {}", request, refusal.reply());
      invite.answer(refusal.reply(), () -> {});
      report(request, refusal.reply());
      return;
    }
    try {
      offerExecutor.execute(() -> decide(request, read, timer, invite));
    } catch (RejectedExecutionException e) {
      Reply busy = busy("offer queue full");
      invite.answer(busy, () -> {});
      report(request, busy);
    }
  }

  private void decide(
      InboundRequest request,
      InviteReader.Read read,
      SessionTimerPolicy.Agreement timer,
      PendingInvite invite) {
    if (invite.state() == PendingInvite.State.CANCELLED) {
      return; // cancelled while queued: never reserve anything for it
    }
    OfferDecision decision;
    try {
      decision = service.offer(read.offer());
    } catch (RuntimeException e) {
      log.error("recording service failed on {}", request, e);
      invite.answer(Replies.error(500, "recording service failed"), () -> {});
      return;
    }
    if (decision instanceof Accepted accepted) {
      accept(request, read, timer, invite, accepted);
    } else if (decision instanceof Rejected rejected) {
      log.info("domain rejected {}: {} {}", request, rejected.status(), rejected.reason());
      invite.answer(rejection(rejected), () -> {});
    }
  }

  private void accept(
      InboundRequest request,
      InviteReader.Read read,
      SessionTimerPolicy.Agreement timer,
      PendingInvite invite,
      Accepted accepted) {
    Dialog dialog;
    byte[] sdp;
    try {
      SdpAnswer answer =
          new SdpAnswer(read.sdp(), accepted.streams(), random.nextLong(0, Long.MAX_VALUE), 1);
      sdp = answerWriter.write(answer);
      DialogKey key = request.dialogKey().withLocalTag(Tags.newTag(random));
      dialog = new Dialog(key, accepted.id(), answer);
    } catch (RuntimeException e) {
      log.error("cannot answer {} accepted as {}", request, accepted.id(), e);
      service.end(accepted.id(), EndReason.ERROR);
      invite.answer(Replies.error(500, "cannot build the SDP answer"), () -> {});
      return;
    }
    Reply ok =
        SessionTimer.decorate(Replies.of(200), timer)
            .withToTag(dialog.key().localTag())
            .withHeader("Contact", contact.contact(request))
            .withHeader("Allow", SipCapabilities.ALLOW)
            .withHeader("Supported", SipCapabilities.SUPPORTED)
            .withBody("application/sdp", sdp);
    if (invite.answer(ok, () -> dialogs.register(dialog))) {
      log.info("accepted {} as recording {}", request, accepted.id());
      ackTimeout.start(dialog);
      sessionTimer.refreshed(dialog, timer);
    } else {
      log.info("{} was cancelled before its answer; ending recording {}", request, accepted.id());
      service.end(accepted.id(), EndReason.CANCEL);
    }
  }

  private Reply rejection(Rejected rejected) {
    Reply reply = Reply.of(rejected.status(), rejected.reason());
    if (rejected.warning() != null) {
      reply =
          reply.withHeader(
              "Warning",
              Replies.warning(rejected.warnCode(), contact.warnAgent(), rejected.warning()));
    }
    if (rejected.retryAfterSeconds() > 0) {
      reply = reply.withHeader("Retry-After", Integer.toString(rejected.retryAfterSeconds()));
    }
    return reply;
  }

  /** Tells the domain about a refusal made here, so it is logged and counted like its own. */
  private void report(InboundRequest request, Reply reply) {
    RecordingEvent.RejectReason reason =
        switch (reply.status()) {
          case 403 -> RecordingEvent.RejectReason.NOT_SIPREC;
          case 413 -> RecordingEvent.RejectReason.TOO_LARGE;
          case 415, 420, 422 -> RecordingEvent.RejectReason.UNSUPPORTED;
          case 503 -> RecordingEvent.RejectReason.SIP_OVERLOAD;
          default -> RecordingEvent.RejectReason.MALFORMED_REQUEST;
        };
    try {
      service.refused(request.callId(), reply.status(), reason, reply.reason());
    } catch (RuntimeException e) {
      log.warn("could not report the refusal of {}", request, e);
    }
  }

  private static Reply busy(String why) {
    return Replies.error(503, why)
        .withHeader("Retry-After", Integer.toString(SipCapabilities.RETRY_AFTER_SECONDS));
  }
}
