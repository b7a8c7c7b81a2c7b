package io.srs.rtp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import io.srs.core.media.SrtpKeys;
import io.srs.core.port.GapCause;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.StreamStats;
import io.srs.rtp.packet.RtcpSenderReport;
import io.srs.rtp.packet.RtpHeader;
import io.srs.rtp.packet.RtpStatus;
import io.srs.rtp.srtp.SrtpStatus;
import io.srs.rtp.timeline.TrackPlacer;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recorded stream's receive path: unprotects SRTP when the stream has keys, validates, latches
 * to the first source, and feeds the placer. Confined to the session's event loop.
 */
final class StreamReceiver {
  private static final Logger log = LoggerFactory.getLogger(StreamReceiver.class);

  private static final String OVERSIZE = "datagram filled the receive buffer (oversize or cut)";
  private static final String FOREIGN_SOURCE = "not the latched source";

  private final RtpMediaSession session;
  private final MediaStreamSpec spec;
  private final TrackPlacer placer;
  private final ByteBufPayload payload = new ByteBufPayload();
  private final SourceLatch latch;
  private long rtcpPackets;
  private long senderReports;
  private boolean warned;
  private boolean srtpWarned;
  private RuntimeException failure;
  private SrtpFilter srtp;

  StreamReceiver(RtpMediaSession session, MediaStreamSpec spec, TrackPlacer placer) {
    this.session = session;
    this.spec = spec;
    this.placer = placer;
    this.latch = new SourceLatch(session.relatchQuietNanos());
    if (spec.srtp() != null) {
      this.srtp = new SrtpFilter(session.datagramLimit(), spec.srtp());
    }
  }

  void onRtp(DatagramPacket packet) {
    if (!session.accepting() || failure != null) {
      return;
    }
    long arrivalNanos = session.nanoTime();
    ByteBuf buffer = packet.content();
    if (buffer.readableBytes() >= session.datagramLimit()) {
      discard(OVERSIZE, packet);
      return;
    }
    RtpStatus status = RtpHeader.validate(buffer);
    if (status == RtpStatus.RTCP_MUXED) {
      onRtcp(buffer, packet.sender()); // RFC 5761 §4: RTCP multiplexed on the RTP port
      return;
    }
    if (srtp != null) {
      // The padding octet of an SRTP packet is encrypted and its last octet is the tag: only the
      // plain packet's padding can be checked.
      if (status != RtpStatus.VALID && status != RtpStatus.BAD_PADDING) {
        discard(status, packet);
        return;
      }
      buffer = srtp.unprotectRtp(buffer);
      if (buffer == null) {
        refused(srtp.lastStatus(), packet);
        return;
      }
      status = RtpHeader.validate(buffer);
    }
    if (status != RtpStatus.VALID) {
      discard(status, packet);
      return;
    }
    // Latching: the first valid sender owns the stream (with SRTP, the first that authenticated,
    // so a forged packet cannot take the stream); a newcomer takes over only as SourceLatch says.
    SourceLatch.Verdict verdict =
        latch.offer(packet.sender(), RtpHeader.sequence(buffer), arrivalNanos);
    if (verdict == SourceLatch.Verdict.FOREIGN) {
      discard(FOREIGN_SOURCE, packet);
      return;
    }
    if (verdict == SourceLatch.Verdict.RELATCHED) {
      placer.onSourceChange(address(latch.previousOwner()), address(latch.owner()), arrivalNanos);
      log.info(
          "{} stream {}: media source moved from {} to {}: re-latched (take-over {})",
          session.id(),
          spec.index(),
          latch.previousOwner(),
          latch.owner(),
          latch.relatches());
    }
    if (!placer.paused()) {
      session.mediaArrived(arrivalNanos);
    }
    payload.wrap(buffer);
    try {
      placer.receive(
          RtpHeader.sequence(buffer),
          RtpHeader.timestamp(buffer),
          RtpHeader.ssrc(buffer),
          RtpHeader.payloadType(buffer),
          payload,
          RtpHeader.payloadIndex(buffer),
          RtpHeader.payloadLength(buffer),
          arrivalNanos);
    } catch (RuntimeException e) {
      failure = e;
      log.error("{} stream {}: track write failed; stream stopped", session.id(), spec.index(), e);
    } finally {
      payload.wrap(null);
    }
  }

  void onRtcp(DatagramPacket packet) {
    if (session.accepting() && failure == null) {
      onRtcp(packet.content(), packet.sender());
    }
  }

  /**
   * RTCP from the RTCP port or rtcp-mux: a sender report (RFC 3550 §6.4.1) keeps the stream in step
   * with the others; the rest is counted and dropped. Only the latched source's host may report.
   */
  private void onRtcp(ByteBuf buffer, InetSocketAddress sender) {
    rtcpPackets++;
    InetSocketAddress source = latch.owner();
    if (source != null && !source.getAddress().equals(sender.getAddress())) {
      return;
    }
    if (srtp != null) {
      buffer = srtp.unprotectRtcp(buffer); // RFC 3711 §3.4: SRTCP, its own keys and replay list
      if (buffer == null) {
        return; // counted; a sender report is a refinement, the audio does not depend on it
      }
    }
    RtcpSenderReport report = RtcpSenderReport.find(buffer);
    if (report != null) {
      senderReports++;
      placer.onSenderReport(report.ssrc(), report.ntpNanos(), report.rtpTimestamp());
    }
  }

  /** The SRC paused or resumed the stream; on the session's loop. */
  void setPaused(boolean paused, GapCause cause, long nowNanos) {
    if (failure != null) {
      return;
    }
    if (paused) {
      placer.pause(cause, nowNanos);
    } else {
      placer.resume(nowNanos);
    }
  }

  boolean paused() {
    return placer.paused();
  }

  /**
   * New SRTP keys for the stream (RFC 4568 §7.1.4), on the session's loop. A plain stream that a
   * re-INVITE turns into RTP/SAVP starts unprotecting here.
   */
  void rekey(SrtpKeys keys) {
    if (srtp == null) {
      srtp = new SrtpFilter(session.datagramLimit(), keys);
      log.info("{} stream {}: SRTP from now on ({})", session.id(), spec.index(), srtp.suiteName());
    } else if (srtp.rekey(keys)) {
      log.info("{} stream {}: SRTP re-keyed ({})", session.id(), spec.index(), srtp.suiteName());
    }
  }

  /** What the stream saw so far: the placer's counts and the SRTP refusals. */
  StreamStats stats() {
    StreamStats stats = placer.stats();
    return srtp == null ? stats : stats.withSrtp(srtp.authFailed(), srtp.replayed());
  }

  /** SRTCP packets refused (bad tag, replay, too short), or 0 for plain RTP. */
  long rtcpRefused() {
    return srtp == null ? 0 : srtp.rtcpRefused();
  }

  /** Forgets the session keys once the stream is closed. */
  void wipeKeys() {
    if (srtp != null) {
      srtp.wipe();
    }
  }

  long senderReports() {
    return senderReports;
  }

  /** Flushes the reorder window; called once at close. */
  void flush() {
    if (failure == null) {
      placer.flush();
    }
  }

  void padTo(long samples) {
    if (failure == null) {
      placer.padTo(samples);
    }
  }

  TrackPlacer placer() {
    return placer;
  }

  int index() {
    return spec.index();
  }

  long rtcpPackets() {
    return rtcpPackets;
  }

  RuntimeException failure() {
    return failure;
  }

  void fail(RuntimeException e) {
    if (failure == null) {
      failure = e;
    }
  }

  /**
   * An SRTP packet that did not unprotect: counted in the stats, not as discarded. The first one
   * whose key is wrong warns, once per stream; a stream whose every packet fails would otherwise be
   * a silent file with no clue why. Replays are normal in small numbers (network duplicates).
   */
  private void refused(SrtpStatus status, DatagramPacket packet) {
    if (status == SrtpStatus.TOO_SHORT) {
      discard("SRTP packet shorter than header and tag", packet);
      return;
    }
    if (!srtpWarned && SrtpFilter.refusedKey(status)) {
      srtpWarned = true;
      log.warn(
          "{} stream {}: SRTP packet from {} refused: {} ({}; keys other than those signalled?);"
              + " further refusals are only counted",
          session.id(),
          spec.index(),
          packet.sender(),
          status,
          srtp.suiteName());
    } else if (log.isDebugEnabled()) {
      log.debug(
          "{} stream {}: SRTP {} from {}", session.id(), spec.index(), status, packet.sender());
    }
  }

  private void discard(Object why, DatagramPacket packet) {
    placer.countDiscarded();
    if (!warned) {
      warned = true; // once per stream; the count is in the report
      log.warn(
          "{} stream {}: discarding packet from {}: {}; further discards are only counted",
          session.id(),
          spec.index(),
          packet.sender(),
          why);
    } else if (log.isDebugEnabled()) {
      log.debug(
          "{} stream {}: discarded {} from {}", session.id(), spec.index(), why, packet.sender());
    }
  }

  /** {@code ip:port}, without a host name lookup (RFC 3986 §3.2.2 brackets for IPv6). */
  private static String address(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
