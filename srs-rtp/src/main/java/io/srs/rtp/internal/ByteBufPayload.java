package io.srs.rtp.internal;

import io.netty.buffer.ByteBuf;
import io.srs.rtp.timeline.PayloadSource;

/** A reusable view of the datagram being handled, so the placer copies without an allocation. */
final class ByteBufPayload implements PayloadSource {
  private ByteBuf buffer;

  void wrap(ByteBuf current) {
    this.buffer = current;
  }

  @Override
  public void copy(int sourceIndex, byte[] target, int targetOffset, int length) {
    buffer.getBytes(sourceIndex, target, targetOffset, length);
  }
}
