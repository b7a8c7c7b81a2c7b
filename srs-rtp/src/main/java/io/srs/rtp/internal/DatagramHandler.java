package io.srs.rtp.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each datagram of one channel to its stream and always releases the pooled buffer. */
final class DatagramHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(DatagramHandler.class);

  private final StreamReceiver stream;
  private final boolean rtcpPort;

  DatagramHandler(StreamReceiver stream, boolean rtcpPort) {
    this.stream = stream;
    this.rtcpPort = rtcpPort;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof DatagramPacket packet) {
        if (rtcpPort) {
          stream.onRtcp(packet);
        } else {
          stream.onRtp(packet);
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A UDP read error (e.g. ICMP port unreachable reported late) must not close the receiver.
    log.debug("{}: ignored channel error", ctx.channel(), cause);
  }
}
