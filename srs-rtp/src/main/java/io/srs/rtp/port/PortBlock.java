package io.srs.rtp.port;

/**
 * A contiguous run of port pairs held by one session: stream {@code i} receives RTP on {@code base
 * + 2i} and RTCP on {@code base + 2i + 1} (RFC 3550 §11: RTP even, RTCP the next odd port).
 *
 * @param basePort the first, even, port
 * @param pairs how many RTP/RTCP pairs the block spans
 */
public record PortBlock(int basePort, int pairs) {
  public PortBlock {
    if (basePort % 2 != 0 || pairs < 1) {
      throw new IllegalArgumentException(
          "a port block needs an even base and at least one pair: " + basePort + "/" + pairs);
    }
  }

  public int rtpPort(int index) {
    checkIndex(index);
    return basePort + 2 * index;
  }

  public int rtcpPort(int index) {
    checkIndex(index);
    return basePort + 2 * index + 1;
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= pairs) {
      throw new IndexOutOfBoundsException("pair " + index + " outside 0.." + (pairs - 1));
    }
  }
}
