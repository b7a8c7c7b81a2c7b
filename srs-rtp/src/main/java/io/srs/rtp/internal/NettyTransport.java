package io.srs.rtp.internal;

import io.netty.channel.ChannelFactory;
import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.channels.spi.SelectorProvider;
import java.util.concurrent.TimeUnit;

/** The event loops and datagram channel type: native epoll where it loads, NIO elsewhere. */
public final class NettyTransport {
  private final EventLoopGroup group;
  private final ChannelFactory<? extends DatagramChannel> channels;
  private final String name;

  private NettyTransport(
      EventLoopGroup group, ChannelFactory<? extends DatagramChannel> channels, String name) {
    this.group = group;
    this.channels = channels;
    this.name = name;
  }

  /**
   * Starts {@code threads} event loops named {@code srs-rtp-N}; with a positive {@code
   * batchIntervalMicros} each gathers packets between polls ({@link BatchingSelectStrategy}).
   */
  public static NettyTransport start(int threads, int batchIntervalMicros) {
    boolean epoll = Epoll.isAvailable();
    SelectStrategyFactory strategy =
        batchIntervalMicros > 0
            ? () -> new BatchingSelectStrategy(TimeUnit.MICROSECONDS.toNanos(batchIntervalMicros))
            : DefaultSelectStrategyFactory.INSTANCE;
    IoHandlerFactory handlers =
        epoll
            ? EpollIoHandler.newFactory(0, strategy) // 0: Netty sizes the event array itself
            : NioIoHandler.newFactory(SelectorProvider.provider(), strategy);
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("srs-rtp"), handlers);
    return epoll
        ? new NettyTransport(group, EpollDatagramChannel::new, "epoll")
        : new NettyTransport(group, NioDatagramChannel::new, "nio");
  }

  public EventLoopGroup group() {
    return group;
  }

  public ChannelFactory<? extends DatagramChannel> channels() {
    return channels;
  }

  /** "epoll" or "nio", for the start-up log. */
  public String name() {
    return name;
  }
}
