package io.srs.sip.handler;

import io.srs.core.metadata.RecordingMetadata;
import io.srs.sip.SipSettings;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.message.Reply;
import io.srs.sip.siprec.MetadataDecoder;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.ManualExecutor;
import io.srs.sip.testing.ManualScheduler;
import io.srs.sip.testing.RecordingResponder;
import io.srs.sip.testing.Requests;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dispatcher wired as in production, around a fake service and a manual offer executor. */
final class HandlerFixture {
  final FakeRecordingService service = new FakeRecordingService();
  final ManualExecutor executor = new ManualExecutor();
  final ManualScheduler scheduler = new ManualScheduler();

  /** The BYEs the handlers asked the adapter to send, as "to-tag Reason-value". */
  final List<String> byes = new CopyOnWriteArrayList<>();

  final RequestDispatcher dispatcher;

  HandlerFixture() {
    this(body -> RecordingMetadata.EMPTY);
  }

  HandlerFixture(MetadataDecoder metadata) {
    this(SipSettings.defaults("192.0.2.1", "192.0.2.1"), metadata);
  }

  HandlerFixture(SipSettings settings) {
    this(settings, body -> RecordingMetadata.EMPTY);
  }

  HandlerFixture(SipSettings settings, MetadataDecoder metadata) {
    dispatcher =
        RequestDispatcher.create(
            settings,
            service,
            metadata,
            executor,
            scheduler,
            Clock.fixed(Requests.RECEIVED, ZoneOffset.UTC),
            new Random(42),
            SessionTimerPolicy.STANDARD,
            (dialog, reason) -> byes.add(dialog.localTag() + " " + reason));
  }

  /** Dispatches and runs the offer decision; returns what was sent. */
  RecordingResponder send(InboundRequest request) {
    RecordingResponder responder = new RecordingResponder();
    dispatcher.dispatch(request, responder);
    executor.runAll();
    return responder;
  }

  /** An accepted, acknowledged SIPREC call; returns our To tag. */
  String establishedCall(String callId) {
    Reply ok = send(Requests.siprecInvite().callId(callId).build()).last();
    if (ok.status() != 200) {
      throw new AssertionError("call not accepted: " + ok);
    }
    send(Requests.of("ACK").callId(callId).toTag(ok.toTag()).build());
    return ok.toTag();
  }
}
