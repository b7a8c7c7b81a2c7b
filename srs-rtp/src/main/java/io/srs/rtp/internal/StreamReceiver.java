package io.srs.rtp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import io.srs.core.port.GapCause;
import io.srs.core.port.MediaStreamSpec;
import io.srs.rtp.packet.RtcpSenderReport;
import io.srs.rtp.packet.RtpHeader;
import io.srs.rtp.packet.RtpStatus;
import io.srs.rtp.timeline.TrackPlacer;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recorded stream's receive path: validates, latches to the first source, and feeds the placer.
 * Confined to the session's event loop.
 */
final class StreamReceiver {
  private static final Logger log = LoggerFactory.getLogger(StreamReceiver.class);

  private static final String OVERSIZE = "datagram filled the receive buffer (oversize or cut)";
  private static final String FOREIGN_SOURCE = "not the latched source";

  private final RtpMediaSession session;
  private final MediaStreamSpec spec;
  private final TrackPlacer placer;
  private final ByteBufPayload payload = new ByteBufPayload();
  private InetSocketAddress source;
  private long rtcpPackets;
  private long senderReports;
  private boolean warned;
  private RuntimeException failure;

  StreamReceiver(RtpMediaSession session, MediaStreamSpec spec, TrackPlacer placer) {
    this.session = session;
    this.spec = spec;
    this.placer = placer;
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
    if (status != RtpStatus.VALID) {
      discard(status, packet);
      return;
    }
    // Latching: the first valid sender owns the stream; re-latching is a later issue.
    InetSocketAddress sender = packet.sender();
    if (source == null) {
      source = sender;
    } else if (!source.equals(sender)) {
      discard(FOREIGN_SOURCE, packet);
      return;
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
    if (source != null && !source.getAddress().equals(sender.getAddress())) {
      return;
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
}
