package io.srs.rtp;

import java.util.regex.Pattern;

/**
 * How the media side receives RTP. Immutable; every bad value fails at start-up with a message that
 * names its configuration key.
 *
 * @param bindAddress the local IP literal the receivers bind ({@code rtp.bindAddress})
 * @param portMin the first port of the range, even ({@code rtp.ports})
 * @param portMax the last port of the range, inclusive ({@code rtp.ports})
 * @param ioThreads event-loop threads; 0 picks min(cores, 4) ({@code rtp.ioThreads})
 * @param reorderWindow packets held per stream for reordering, 1..64 ({@code rtp.reorderWindow})
 * @param maxPayloadBytes the largest RTP payload kept; larger ones are discarded ({@code
 *     rtp.maxPayloadBytes})
 * @param receiveBufferBytes SO_RCVBUF of each channel ({@code rtp.receiveBufferBytes})
 * @param batchIntervalMicros while packets flow, how long an event loop sleeps between polls so
 *     that one wake-up reads many streams' packets; 0 wakes for every packet ({@code
 *     rtp.batch-interval-micros})
 * @param relatchQuietMillis how long a stream's source must have been silent before a new sender
 *     may take the stream over; 0 never re-latches ({@code rtp.relatch-after-millis})
 */
public record RtpSettings(
    String bindAddress,
    int portMin,
    int portMax,
    int ioThreads,
    int reorderWindow,
    int maxPayloadBytes,
    int receiveBufferBytes,
    int batchIntervalMicros,
    int relatchQuietMillis) {

  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final int DEFAULT_PORT_MIN = 20000;
  public static final int DEFAULT_PORT_MAX = 29999;
  public static final int DEFAULT_IO_THREADS = 0;
  public static final int DEFAULT_REORDER_WINDOW = 8;

  /** An Ethernet MTU of 1500 less the IPv4 (20) and UDP (8) headers. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1472;

  public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 256 * 1024;

  /**
   * 2 ms: a tenth of a G.711 packet time, so arrival times move by less than a packet, while a
   * loaded loop wakes about 500 times a second instead of once or twice per packet.
   */
  public static final int DEFAULT_BATCH_INTERVAL_MICROS = 2_000;

  /**
   * 250 ms: longer than the jitter and short gaps of a live source, short enough that a failed-over
   * SBC's stream is recorded again after a quarter of a second.
   */
  public static final int DEFAULT_RELATCH_QUIET_MILLIS = 250;

  public static final int MAX_RELATCH_QUIET_MILLIS = 60_000;

  /** One 20 ms packet time: longer would only delay, the socket buffers hold far more. */
  public static final int MAX_BATCH_INTERVAL_MICROS = 20_000;

  /** Ports below are privileged or well known. */
  public static final int LOWEST_PORT = 1024;

  public static final int HIGHEST_PORT = 65535;
  public static final int MAX_IO_THREADS = 64;
  public static final int MAX_REORDER_WINDOW = 64;

  /** Jumbo frames at most: every stream preallocates reorderWindow slots of this size. */
  public static final int MAX_PAYLOAD_BYTES_LIMIT = 9000;

  public static final int MIN_RECEIVE_BUFFER_BYTES = 8 * 1024;
  public static final int MAX_RECEIVE_BUFFER_BYTES = 64 * 1024 * 1024;

  /** The cap on event loops when {@code ioThreads} is 0: RTP is light, the disk is the limit. */
  static final int AUTO_IO_THREADS_CAP = 4;

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public RtpSettings {
    if (bindAddress == null
        || !(IPV4.matcher(bindAddress).matches() || IPV6.matcher(bindAddress).matches())) {
      throw new IllegalArgumentException(
          "rtp.bindAddress: must be an IP literal, was " + bindAddress);
    }
    if (portMin % 2 != 0) {
      throw new IllegalArgumentException("rtp.ports: low must be even, was " + portMin);
    }
    if (portMin < LOWEST_PORT || portMax > HIGHEST_PORT) {
      throw new IllegalArgumentException(
          "rtp.ports: must lie within "
              + LOWEST_PORT
              + ".."
              + HIGHEST_PORT
              + ", was "
              + portMin
              + ".."
              + portMax);
    }
    if (portMin >= portMax) {
      throw new IllegalArgumentException(
          "rtp.ports: low must be below high, was " + portMin + ".." + portMax);
    }
    checkRange("rtp.ioThreads", ioThreads, 0, MAX_IO_THREADS);
    checkRange("rtp.reorderWindow", reorderWindow, 1, MAX_REORDER_WINDOW);
    checkRange("rtp.maxPayloadBytes", maxPayloadBytes, 1, MAX_PAYLOAD_BYTES_LIMIT);
    checkRange(
        "rtp.receiveBufferBytes",
        receiveBufferBytes,
        MIN_RECEIVE_BUFFER_BYTES,
        MAX_RECEIVE_BUFFER_BYTES);
    checkRange("rtp.batch-interval-micros", batchIntervalMicros, 0, MAX_BATCH_INTERVAL_MICROS);
  }

  /**
   * The defaults: 127.0.0.1, ports 20000..29999, auto threads, window 8, 1472 B, 256 KiB, 2 ms
   * batches.
   */
  public static RtpSettings defaults() {
    return new RtpSettings(
        DEFAULT_BIND_ADDRESS,
        DEFAULT_PORT_MIN,
        DEFAULT_PORT_MAX,
        DEFAULT_IO_THREADS,
        DEFAULT_REORDER_WINDOW,
        DEFAULT_MAX_PAYLOAD_BYTES,
        DEFAULT_RECEIVE_BUFFER_BYTES,
        DEFAULT_BATCH_INTERVAL_MICROS,
        DEFAULT_RELATCH_QUIET_MILLIS);
  }

  public RtpSettings withBindAddress(String address) {
    return new RtpSettings(
        address,
        portMin,
        portMax,
        ioThreads,
        reorderWindow,
        maxPayloadBytes,
        receiveBufferBytes,
        batchIntervalMicros,
        relatchQuietMillis);
  }

  public RtpSettings withPorts(int low, int high) {
    return new RtpSettings(
        bindAddress,
        low,
        high,
        ioThreads,
        reorderWindow,
        maxPayloadBytes,
        receiveBufferBytes,
        batchIntervalMicros,
        relatchQuietMillis);
  }

  public RtpSettings withIoThreads(int threads) {
    return new RtpSettings(
        bindAddress,
        portMin,
        portMax,
        threads,
        reorderWindow,
        maxPayloadBytes,
        receiveBufferBytes,
        batchIntervalMicros,
        relatchQuietMillis);
  }

  public RtpSettings withReorderWindow(int packets) {
    return new RtpSettings(
        bindAddress,
        portMin,
        portMax,
        ioThreads,
        packets,
        maxPayloadBytes,
        receiveBufferBytes,
        batchIntervalMicros,
        relatchQuietMillis);
  }

  public RtpSettings withBatchIntervalMicros(int micros) {
    return new RtpSettings(
        bindAddress,
        portMin,
        portMax,
        ioThreads,
        reorderWindow,
        maxPayloadBytes,
        receiveBufferBytes,
        micros,
        relatchQuietMillis);
  }

  public RtpSettings withRelatchQuietMillis(int millis) {
    return new RtpSettings(
        bindAddress,
        portMin,
        portMax,
        ioThreads,
        reorderWindow,
        maxPayloadBytes,
        receiveBufferBytes,
        batchIntervalMicros,
        millis);
  }

  /** The number of event loops to run: {@code ioThreads}, or min(cores, 4) when it is 0. */
  public int effectiveIoThreads() {
    return ioThreads > 0
        ? ioThreads
        : Math.min(Runtime.getRuntime().availableProcessors(), AUTO_IO_THREADS_CAP);
  }

  private static void checkRange(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + ": must be within " + min + ".." + max + ", was " + value);
    }
  }
}
