package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.Codec;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.MediaReceiverFactory;
import io.srs.core.port.MediaUnavailableException;
import io.srs.core.port.RecordingStore;
import io.srs.core.service.RecordingCoordinator;
import io.srs.sip.SipSettings;
import io.srs.sip.message.Reply;
import io.srs.sip.testing.RecordingResponder;
import io.srs.sip.testing.Requests;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An offer we can decode none of, decided by core's real coordinator: 488 with a Warning. */
class UndecodableOfferTest {

  /** Never reached: the coordinator rejects before it touches media or storage. */
  private static final MediaReceiverFactory MEDIA =
      new MediaReceiverFactory() {
        @Override
        public Set<Codec> supportedCodecs() {
          return EnumSet.of(Codec.PCMU, Codec.PCMA);
        }

        @Override
        public io.srs.core.port.MediaSession open(io.srs.core.port.MediaSessionSpec spec)
            throws MediaUnavailableException {
          throw new MediaUnavailableException("not in this test");
        }
      };

  private static final RecordingStore STORE =
      new RecordingStore() {
        @Override
        public io.srs.core.port.RecordingHandle create(
            io.srs.core.session.RecordingId id, String callId, java.time.Instant createdAt)
            throws IOException {
          throw new IOException("not in this test");
        }

        @Override
        public String describe() {
          return "none";
        }
      };

  @Test
  void offerWithNoRecordableCodecGets488WithAWarningNamingTheOffer() {
    RecordingCoordinator coordinator =
        RecordingCoordinator.builder(
                MEDIA, STORE, Runnable::run, new RecordingCoordinator.Limits(10))
            .random(new Random(1))
            .build();
    RequestDispatcher dispatcher =
        RequestDispatcher.create(
            SipSettings.defaults("192.0.2.1", "192.0.2.1"),
            coordinator,
            body -> RecordingMetadata.EMPTY,
            Runnable::run,
            (delay, task) -> Scheduler.Cancel.NONE,
            Clock.systemUTC(),
            new Random(1),
            SessionTimerPolicy.STANDARD,
            ByeSender.NONE);
    String g729Only =
        "v=0\r\no=SRC 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
            + "m=audio 10000 RTP/AVP 18 96\r\na=rtpmap:96 opus/48000/2\r\na=label:1\r\n";
    RecordingResponder responder = new RecordingResponder();

    dispatcher.dispatch(
        Requests.of("INVITE").header("Require", "siprec").body("application/sdp", g729Only).build(),
        responder);

    Reply reply = responder.last();
    assertThat(reply.status()).isEqualTo(488);
    assertThat(reply.reason()).isEqualTo("Not Acceptable Here");
    assertThat(reply.header("Warning"))
        .startsWith("305 192.0.2.1:5060 \"No recordable media offered")
        .contains("G729/8000")
        .contains("opus/48000/2");
  }
}
