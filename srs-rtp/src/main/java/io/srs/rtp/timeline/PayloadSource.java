package io.srs.rtp.timeline;

/**
 * Where a packet's payload bytes live, so the placer can copy them straight into a preallocated
 * slot without knowing about Netty. An I/O adapter implements it over a pooled buffer.
 */
@FunctionalInterface
public interface PayloadSource {

  /** Copies {@code length} bytes starting at {@code sourceIndex} into {@code target}. */
  void copy(int sourceIndex, byte[] target, int targetOffset, int length);

  /** A source over a byte array; for tests and non-pooled callers. */
  static PayloadSource of(byte[] bytes) {
    return (sourceIndex, target, targetOffset, length) ->
        System.arraycopy(bytes, sourceIndex, target, targetOffset, length);
  }
}
