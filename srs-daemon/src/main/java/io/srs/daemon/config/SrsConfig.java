package io.srs.daemon.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The daemon's whole configuration, typed and validated ({@link ConfigLoader} builds it). Every
 * key, its default and unit is documented in {@code config/srs.yaml}.
 */
public record SrsConfig(Sip sip, Rtp rtp, Storage storage, Limits limits, Metadata metadata) {

  /**
   * {@code sip.*}.
   *
   * @param bind the IP address SIP listens on
   * @param port the SIP port, for every transport
   * @param transports {@code udp}, {@code tcp}
   * @param maxMessageBytes the largest SIP message accepted
   * @param udpReceiveBufferBytes SO_RCVBUF of the SIP UDP socket
   */
  public record Sip(
      String bind,
      int port,
      List<String> transports,
      int maxMessageBytes,
      int udpReceiveBufferBytes) {}

  /**
   * {@code rtp.*}.
   *
   * @param bind the IP address media receivers bind
   * @param advertise the IP address written into SDP answers (defaults to {@code bind})
   * @param portMin the lowest port of the media range (even)
   * @param portMax the highest port of the media range
   * @param reorderWindow packets held per stream to put reordered packets in place
   * @param ioThreads event-loop threads for media (0: one per core, at most 4)
   */
  public record Rtp(
      String bind, String advertise, int portMin, int portMax, int reorderWindow, int ioThreads) {}

  /**
   * {@code storage.*}.
   *
   * @param path the directory recordings are written under
   * @param writeBufferBytes per-track staging buffer; also the most a crash can lose per track
   */
  public record Storage(Path path, int writeBufferBytes) {}

  /**
   * {@code limits.*}.
   *
   * @param maxSessions concurrent recording sessions; past it INVITEs get 503
   * @param finaliserThreads threads finalising recordings (fsync, hashing, sidecar)
   * @param shutdownGrace how long SIGTERM waits for recordings to be finalised
   */
  public record Limits(int maxSessions, int finaliserThreads, Duration shutdownGrace) {}

  /**
   * {@code metadata.*}.
   *
   * @param maxBytes the largest metadata body parsed (SIP 413 past it)
   * @param maxDepth the deepest XML nesting accepted
   */
  public record Metadata(int maxBytes, int maxDepth) {}
}
