package io.srs.daemon.simulate;

import io.srs.daemon.simulate.SdpAnswerReader.MediaTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;

/**
 * One simulated SIPREC call, run on a call thread: INVITE, ACK, media, the optional transfer and
 * pause re-INVITEs at their times, BYE at the end. Every wait is bounded; the result says how it
 * went.
 */
final class SimulatedCall {
  private static final String BOUNDARY = "srs-simulate-boundary";

  /** The longest failure detail printed for one call. */
  static final int MAX_DETAIL = 400;

  enum State {
    NEW,
    INVITING,
    ACTIVE,
    PAUSED,
    ENDING,
    ENDED,
    FAILED;

    boolean canMoveTo(State next) {
      return switch (this) {
        case NEW -> next == INVITING || next == FAILED;
        case INVITING -> next == ACTIVE || next == FAILED;
        case ACTIVE -> next == PAUSED || next == ENDING || next == FAILED;
        case PAUSED -> next == ACTIVE || next == ENDING || next == FAILED;
        case ENDING -> next == ENDED || next == FAILED;
        case ENDED, FAILED -> false;
      };
    }
  }

  private final SimulationConfig config;
  private final CallIdentity identity;
  private final MetadataRenderer metadata;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Random random;
  private State state = State.NEW;
  private int sdpVersion = 1;

  SimulatedCall(
      SimulationConfig config,
      CallIdentity identity,
      MetadataRenderer metadata,
      ScheduledExecutorService scheduler,
      Clock clock,
      Random random) {
    this.config = config;
    this.identity = identity;
    this.metadata = metadata;
    this.scheduler = scheduler;
    this.clock = clock;
    this.random = random;
  }

  State state() {
    return state;
  }

  private void moveTo(State next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("call " + identity.call() + ": " + state + " -> " + next);
    }
    state = next;
  }

  CallResult run() {
    InetSocketAddress bind = new InetSocketAddress(config.bindAddress(), 0);
    List<RtpStream> streams = new ArrayList<>();
    long setupNanos = -1;
    CallMedia media = null;
    try (SipTransport transport = open(bind)) {
      streams.add(stream(bind, config.callerAudio(), 1));
      streams.add(stream(bind, config.agentAudio(), 2));
      media = new CallMedia(streams);
      SipDialogClient dialog =
          new SipDialogClient(
              transport,
              config.target(),
              identity,
              config.responseTimeout(),
              "srs-simulate",
              random);
      moveTo(State.INVITING);
      long sent = System.nanoTime();
      SipMessage answer =
          dialog.invite(
              "multipart/mixed;boundary=" + BOUNDARY,
              multipart(
                  sdp(streams, "sendonly"),
                  metadata.initial(config.dialect(), identity, clock.instant())),
              config.dialect().inviteHeaders(identity));
      if (answer.status() >= 300) {
        moveTo(State.FAILED);
        return CallResult.failed(false, Integer.toString(answer.status()), -1, 0, describe(answer));
      }
      setupNanos = System.nanoTime() - sent;
      List<MediaTarget> targets = SdpAnswerReader.read(answer.sdp());
      for (int i = 0; i < streams.size() && i < targets.size(); i++) {
        MediaTarget target = targets.get(i);
        if (!target.refused()) {
          String unprotected = srtpRefusal(streams.get(i), target);
          if (unprotected != null) {
            moveTo(State.FAILED);
            dialog.bye(); // the dialog exists: end it rather than leave the recorder waiting
            return CallResult.failed(true, "no SRTP", setupNanos, 0, unprotected);
          }
          streams.get(i).target(new InetSocketAddress(target.address(), target.port()));
        }
      }
      moveTo(State.ACTIVE);
      long start = System.nanoTime();
      media.start(scheduler);
      String failure = timeline(dialog, streams, media, start);
      if (failure != null) {
        media.stop();
        moveTo(State.FAILED);
        return CallResult.failed(true, failure, setupNanos, media.packetsSent(), failure);
      }
      media.stop();
      moveTo(State.ENDING);
      SipMessage bye = dialog.bye();
      if (bye.status() >= 300) {
        moveTo(State.FAILED);
        return CallResult.failed(
            true, "BYE " + bye.status(), setupNanos, media.packetsSent(), describe(bye));
      }
      moveTo(State.ENDED);
      return CallResult.success(setupNanos, media.packetsSent());
    } catch (SipDialogClient.SipTimeoutException e) {
      return failed("timeout", setupNanos, media, e.getMessage());
    } catch (SdpAnswerReader.SdpException e) {
      return failed("bad SDP answer", setupNanos, media, e.getMessage());
    } catch (javax.net.ssl.SSLException e) {
      return failed("tls", setupNanos, media, "TLS: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return failed("error", setupNanos, media, String.valueOf(e.getMessage()));
    } finally {
      if (media != null) {
        media.close();
      } else {
        streams.forEach(RtpStream::close);
      }
    }
  }

  /** Plays the call's events in time order from the ACK; returns null, or why the call failed. */
  private String timeline(
      SipDialogClient dialog, List<RtpStream> streams, CallMedia media, long start)
      throws IOException {
    List<long[]> events = new ArrayList<>(); // {offsetNanos, kind}: 0 transfer, 1 pause, 2 resume
    if (config.transferAt() != null) {
      events.add(new long[] {config.transferAt().toNanos(), 0});
    }
    if (config.pauseAt() != null) {
      events.add(new long[] {config.pauseAt().toNanos(), 1});
      events.add(new long[] {config.pauseAt().plus(config.pauseFor()).toNanos(), 2});
    }
    events.sort((a, b) -> Long.compare(a[0], b[0]));
    events.add(new long[] {config.duration().toNanos(), 3});
    for (long[] event : events) {
      if (!sleepUntil(start + event[0], dialog)) {
        return "remote BYE";
      }
      if (event[1] == 3) {
        return null;
      }
      SipMessage response;
      if (event[1] == 0) {
        String direction = state == State.PAUSED ? "inactive" : "sendonly";
        response =
            dialog.reInvite(
                "multipart/mixed;boundary=" + BOUNDARY,
                multipart(
                    sdp(streams, direction),
                    metadata.transfer(config.dialect(), identity, clock.instant())));
      } else if (event[1] == 1) {
        media.pause(true); // RFC 7866 §8.1.3: stop sending, then tell the SRS
        moveTo(State.PAUSED);
        response = dialog.reInvite("application/sdp", sdp(streams, "inactive"));
      } else {
        response = dialog.reInvite("application/sdp", sdp(streams, "sendonly"));
        moveTo(State.ACTIVE);
        media.pause(false);
      }
      if (response.status() >= 300) {
        return "re-INVITE " + response.status();
      }
    }
    return null;
  }

  /** Waits until {@code deadline}; false when the recorder hung up (seen on the next read). */
  private boolean sleepUntil(long deadline, SipDialogClient dialog) {
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted: the run's deadline passed");
      }
    }
    return !dialog.remoteHungUp();
  }

  /**
   * A refusal as the operator needs it: the status line and the recorder's Warning (RFC 3261
   * §20.43), which says which m-line or header was the problem. Cut at {@link #MAX_DETAIL}.
   */
  static String describe(SipMessage response) {
    String warning = response.header("Warning");
    String detail =
        warning == null ? response.startLine() : response.startLine() + "; Warning: " + warning;
    return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "...";
  }

  private CallResult failed(String reason, long setupNanos, CallMedia media, String detail) {
    if (state != State.FAILED && state.canMoveTo(State.FAILED)) {
      state = State.FAILED;
    }
    long packets = media == null ? 0 : media.packetsSent();
    return CallResult.failed(setupNanos >= 0, reason, setupNanos, packets, detail);
  }

  private SipTransport open(InetSocketAddress bind) throws IOException {
    return switch (config.transport()) {
      case UDP -> new UdpSipTransport(bind, config.target());
      case TCP -> new TcpSipTransport(bind, config.target(), config.responseTimeout());
      case TLS ->
          TlsSipTransport.open(bind, config.target(), config.responseTimeout(), config.tls());
    };
  }

  private RtpStream stream(InetSocketAddress bind, EncodedAudio audio, int label)
      throws IOException {
    SdesOffer sdes = config.srtp() == null ? null : config.srtp().offer(identity.callId(), label);
    return new RtpStream(
        bind, audio, config.codec(), random.nextInt(), random.nextInt(), random.nextInt(), sdes);
  }

  /**
   * Why an accepted m-line would carry our SRTP in the clear or with a key the recorder did not
   * take, or null when the answer matches the offer: RTP/SAVP with an {@code a=crypto} of our suite
   * (RFC 4568 §7.1.2: the answer's line names the offer's suite and tag).
   */
  private static String srtpRefusal(RtpStream stream, MediaTarget target) {
    SdesOffer offer = stream.sdes();
    if (offer == null) {
      return null;
    }
    if (!"RTP/SAVP".equals(target.proto())) {
      return "offered RTP/SAVP, the recorder answered " + target.proto();
    }
    if (!offer.suite().sdesName().equals(target.cryptoSuite())) {
      return "offered "
          + offer.suite().sdesName()
          + ", the recorder answered "
          + (target.cryptoSuite() == null ? "no a=crypto" : target.cryptoSuite());
    }
    return null;
  }

  /**
   * Two audio m-lines labelled 1 (caller) and 2 (agent) (RFC 7866 §8.1.1, RFC 4574); with SRTP each
   * is RTP/SAVP with its own {@code a=crypto}, the same in every re-offer (RFC 4568 §7.1.4).
   */
  private String sdp(List<RtpStream> streams, String direction) {
    String address = config.bindAddress();
    StringBuilder sdp =
        new StringBuilder("v=0\r\n")
            .append("o=srs-simulate ")
            .append(identity.call())
            .append(' ')
            .append(sdpVersion++)
            .append(" IN IP4 ")
            .append(address)
            .append("\r\ns=SIPREC simulated call\r\nc=IN IP4 ")
            .append(address)
            .append("\r\nt=0 0\r\n");
    for (int i = 0; i < streams.size(); i++) {
      SdesOffer sdes = streams.get(i).sdes();
      sdp.append("m=audio ")
          .append(streams.get(i).localPort())
          .append(sdes == null ? " RTP/AVP " : " RTP/SAVP ")
          .append(config.codec().payloadType())
          .append("\r\na=rtpmap:")
          .append(config.codec().payloadType())
          .append(' ')
          .append(config.codec().rtpmap())
          .append("\r\na=label:")
          .append(i + 1)
          .append("\r\na=")
          .append(direction)
          .append("\r\n");
      if (sdes != null) {
        sdp.append("a=").append(sdes.attribute()).append("\r\n");
      }
    }
    return sdp.toString();
  }

  /** RFC 7866 §9: the SDP and the metadata (RFC 7865) parts of a multipart/mixed body. */
  private static String multipart(String sdp, String metadataXml) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Type: application/sdp\r\n\r\n"
        + sdp
        + "\r\n--"
        + BOUNDARY
        + "\r\nContent-Type: application/rs-metadata+xml\r\n"
        + "Content-Disposition: recording-session\r\n\r\n"
        + metadataXml
        + "\r\n--"
        + BOUNDARY
        + "--\r\n";
  }
}
