package io.srs.rtp.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.srs.core.port.MediaSessionSpec;
import io.srs.core.port.MediaStreamSpec;
import io.srs.rtp.RtpSettings;
import io.srs.rtp.port.PortBlock;
import io.srs.rtp.timeline.SessionTimeline;
import io.srs.rtp.timeline.TrackFormats;
import io.srs.rtp.timeline.TrackPlacer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Binds the RTP and RTCP channels of one session on one event loop. */
public final class SessionBinder {

  /**
   * Room for the RTP header beyond the payload: 12 fixed bytes, 15 CSRCs (60) and a header
   * extension; a datagram that fills payload + this is discarded as oversize or cut.
   */
  static final int HEADER_ALLOWANCE_BYTES = 1024;

  /** How long one bind may take before the block is given up. */
  static final long BIND_TIMEOUT_MILLIS = 5_000;

  private final NettyTransport transport;
  private final InetAddress bindAddress;
  private final RtpSettings settings;
  private final LongSupplier nanoTime;
  private final int datagramLimit;

  public SessionBinder(
      NettyTransport transport,
      InetAddress bindAddress,
      RtpSettings settings,
      LongSupplier nanoTime) {
    this.transport = transport;
    this.bindAddress = bindAddress;
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.datagramLimit = settings.maxPayloadBytes() + HEADER_ALLOWANCE_BYTES;
  }

  /**
   * Binds every recorded stream's RTP port (base + 2i) and RTCP port (base + 2i + 1) on {@code
   * loop}. On failure every channel already bound is closed, and no sink written, before the
   * exception is thrown; the caller still owns the block.
   *
   * @param onReleased called once the session has closed its channels: give the block back
   */
  public RtpMediaSession bind(
      MediaSessionSpec spec,
      PortBlock block,
      EventLoop loop,
      Instant openedAt,
      long openedNanos,
      Consumer<RtpMediaSession> onReleased)
      throws IOException {
    SessionTimeline timeline = new SessionTimeline(openedAt, openedNanos);
    RtpMediaSession session =
        new RtpMediaSession(
            spec,
            loop,
            block,
            timeline,
            nanoTime,
            datagramLimit,
            TimeUnit.MILLISECONDS.toNanos(settings.relatchQuietMillis()),
            onReleased);
    List<MediaStreamSpec> ordered =
        spec.streams().stream().sorted(Comparator.comparingInt(MediaStreamSpec::index)).toList();
    try {
      for (MediaStreamSpec stream : ordered) {
        TrackPlacer placer =
            new TrackPlacer(
                stream.index(),
                TrackFormats.of(stream),
                stream.sink(),
                timeline,
                settings.reorderWindow(),
                settings.maxPayloadBytes(),
                spec.dtmfMasking(),
                spec.pauseMode());
        StreamReceiver receiver = new StreamReceiver(session, stream, placer);
        session.add(receiver);
        session.add(
            bindOne(loop, block.rtpPort(stream.index()), new DatagramHandler(receiver, false)));
        session.add(
            bindOne(loop, block.rtcpPort(stream.index()), new DatagramHandler(receiver, true)));
      }
    } catch (IOException | RuntimeException e) {
      session.abandon();
      throw e;
    }
    session.activate();
    return session;
  }

  private Channel bindOne(EventLoop loop, int port, DatagramHandler handler) throws IOException {
    ChannelFuture bound =
        new Bootstrap()
            .group(loop)
            .channelFactory(transport.channels())
            .option(ChannelOption.SO_RCVBUF, settings.receiveBufferBytes())
            .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(datagramLimit))
            .handler(handler)
            .bind(new InetSocketAddress(bindAddress, port));
    if (!bound.awaitUninterruptibly(BIND_TIMEOUT_MILLIS)) {
      bound.channel().close();
      throw new IOException("binding " + bindAddress.getHostAddress() + ":" + port + " timed out");
    }
    if (!bound.isSuccess()) {
      throw new IOException(
          "cannot bind " + bindAddress.getHostAddress() + ":" + port + ": " + bound.cause(),
          bound.cause());
    }
    return bound.channel();
  }
}
