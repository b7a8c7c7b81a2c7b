package io.srs.sip;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the SIP side listens and what it advertises. Immutable; every bad value fails at start-up
 * with a message that names the configuration key.
 *
 * @param bindAddress the IP literal the SIP listeners bind to ({@code sip.bindAddress}); {@code
 *     0.0.0.0} binds every interface
 * @param port the port of UDP and TCP ({@code sip.port}), 5060 by default
 * @param transports the transports to listen on ({@code sip.transports}), UDP and TCP by default;
 *     TLS listens on {@code sip.tls.port}
 * @param mediaAddress the IP literal written in SDP {@code c=} and {@code o=} ({@code
 *     sip.mediaAddress}), usually the RTP bind address; never a wildcard
 * @param maxMessageBytes the largest SIP message accepted ({@code sip.maxMessageBytes}), 64 KiB by
 *     default; bodies above it are refused
 * @param udpReceiveBufferBytes the UDP socket receive buffer ({@code sip.udpReceiveBufferBytes}), 1
 *     MiB by default: JAIN-SIP's own 8 KB default drops INVITEs under load (TOOLS.md)
 * @param serverHeader the {@code Server} header value of every response ({@code sip.serverHeader})
 * @param tls the TLS listener ({@code sip.tls.*}); set exactly when {@code transports} includes
 *     TLS, null otherwise
 * @param allowedSources who may set up recordings ({@code sip.allowed-sources}); an INVITE from
 *     elsewhere gets 403. {@link SourceAllowlist#ALLOW_ALL} by default
 */
public record SipSettings(
    String bindAddress,
    int port,
    Set<SipTransport> transports,
    String mediaAddress,
    int maxMessageBytes,
    int udpReceiveBufferBytes,
    String serverHeader,
    TlsSettings tls,
    SourceAllowlist allowedSources) {

  public static final int DEFAULT_PORT = 5060;
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
  public static final int DEFAULT_UDP_RECEIVE_BUFFER_BYTES = 1024 * 1024;
  public static final String DEFAULT_SERVER_HEADER = "SRS/0.1";

  /** A SIP message must at least hold an INVITE with a small SDP. */
  static final int MIN_MESSAGE_BYTES = 4 * 1024;

  /** Far above any SIPREC INVITE; bounds what one TCP peer can make us buffer. */
  static final int MAX_MESSAGE_BYTES = 1024 * 1024;

  static final int MIN_UDP_RECEIVE_BUFFER_BYTES = 8 * 1024;
  static final int MAX_UDP_RECEIVE_BUFFER_BYTES = 256 * 1024 * 1024;
  static final int MAX_SERVER_HEADER_LENGTH = 128;

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  public SipSettings {
    requireIpLiteral("sip.bindAddress", bindAddress);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("sip.port must be 1..65535, was " + port);
    }
    Objects.requireNonNull(transports, "sip.transports must be set");
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("sip.transports must name at least one of UDP, TCP, TLS");
    }
    transports = Set.copyOf(EnumSet.copyOf(transports));
    if (transports.contains(SipTransport.TLS) && tls == null) {
      throw new TlsSettingsException(
          TlsSettings.KEY_STORE, "must be set when sip.transports includes tls");
    }
    if (!transports.contains(SipTransport.TLS) && tls != null) {
      throw new IllegalArgumentException("sip.tls is set but sip.transports does not include tls");
    }
    Objects.requireNonNull(allowedSources, "sip.allowed-sources");
    if (tls != null && transports.contains(SipTransport.TCP) && tls.port() == port) {
      throw new TlsSettingsException(
          TlsSettings.KEY_PORT, "is sip.port (" + port + "), where the TCP listener is already");
    }
    requireIpLiteral("sip.mediaAddress", mediaAddress);
    if (isWildcard(mediaAddress)) {
      throw new IllegalArgumentException(
          "sip.mediaAddress must be a concrete address the SRC can send RTP to, was "
              + mediaAddress);
    }
    if (maxMessageBytes < MIN_MESSAGE_BYTES || maxMessageBytes > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "sip.maxMessageBytes must be "
              + MIN_MESSAGE_BYTES
              + ".."
              + MAX_MESSAGE_BYTES
              + ", was "
              + maxMessageBytes);
    }
    if (udpReceiveBufferBytes < MIN_UDP_RECEIVE_BUFFER_BYTES
        || udpReceiveBufferBytes > MAX_UDP_RECEIVE_BUFFER_BYTES) {
      throw new IllegalArgumentException(
          "sip.udpReceiveBufferBytes must be "
              + MIN_UDP_RECEIVE_BUFFER_BYTES
              + ".."
              + MAX_UDP_RECEIVE_BUFFER_BYTES
              + ", was "
              + udpReceiveBufferBytes);
    }
    Objects.requireNonNull(serverHeader, "sip.serverHeader must be set");
    if (serverHeader.isBlank()
        || serverHeader.length() > MAX_SERVER_HEADER_LENGTH
        || !serverHeader.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "sip.serverHeader must be 1.."
              + MAX_SERVER_HEADER_LENGTH
              + " printable ASCII characters, was \""
              + serverHeader.replaceAll("[^\\x20-\\x7e]", "?")
              + "\"");
    }
  }

  /** Without TLS: the settings of a UDP and/or TCP listener. */
  public SipSettings(
      String bindAddress,
      int port,
      Set<SipTransport> transports,
      String mediaAddress,
      int maxMessageBytes,
      int udpReceiveBufferBytes,
      String serverHeader) {
    this(
        bindAddress,
        port,
        transports,
        mediaAddress,
        maxMessageBytes,
        udpReceiveBufferBytes,
        serverHeader,
        null,
        SourceAllowlist.ALLOW_ALL);
  }

  /** Defaults for everything but the two addresses: port 5060, UDP and TCP, no TLS. */
  public static SipSettings defaults(String bindAddress, String mediaAddress) {
    return new SipSettings(
        bindAddress,
        DEFAULT_PORT,
        EnumSet.of(SipTransport.UDP, SipTransport.TCP),
        mediaAddress,
        DEFAULT_MAX_MESSAGE_BYTES,
        DEFAULT_UDP_RECEIVE_BUFFER_BYTES,
        DEFAULT_SERVER_HEADER,
        null,
        SourceAllowlist.ALLOW_ALL);
  }

  public SipSettings withPort(int newPort) {
    return new SipSettings(
        bindAddress,
        newPort,
        transports,
        mediaAddress,
        maxMessageBytes,
        udpReceiveBufferBytes,
        serverHeader,
        tls,
        allowedSources);
  }

  /** These transports; the TLS settings are kept only if TLS is among them. */
  public SipSettings withTransports(Set<SipTransport> newTransports) {
    return new SipSettings(
        bindAddress,
        port,
        newTransports,
        mediaAddress,
        maxMessageBytes,
        udpReceiveBufferBytes,
        serverHeader,
        newTransports != null && newTransports.contains(SipTransport.TLS) ? tls : null,
        allowedSources);
  }

  /** Adds a TLS listener with these settings to the transports already configured. */
  public SipSettings withTls(TlsSettings newTls) {
    EnumSet<SipTransport> withTls = EnumSet.copyOf(transports);
    withTls.add(SipTransport.TLS);
    return new SipSettings(
        bindAddress,
        port,
        withTls,
        mediaAddress,
        maxMessageBytes,
        udpReceiveBufferBytes,
        serverHeader,
        newTls,
        allowedSources);
  }

  /** Only these sources may set up recordings. */
  public SipSettings withAllowedSources(SourceAllowlist newAllowedSources) {
    return new SipSettings(
        bindAddress,
        port,
        transports,
        mediaAddress,
        maxMessageBytes,
        udpReceiveBufferBytes,
        serverHeader,
        tls,
        newAllowedSources);
  }

  /** The port {@code transport} listens on: {@code sip.tls.port} for TLS, else {@code sip.port}. */
  public int port(SipTransport transport) {
    return transport == SipTransport.TLS && tls != null ? tls.port() : port;
  }

  /**
   * The host we put in Contact and Warning: the bind address, or the media address when we bind
   * every interface (a wildcard is no address a peer can reach).
   */
  public String advertisedHost() {
    return isWildcard(bindAddress) ? mediaAddress : bindAddress;
  }

  static boolean isIpv6(String address) {
    return address.indexOf(':') >= 0;
  }

  private static boolean isWildcard(String address) {
    return address.equals("0.0.0.0") || address.equals("::") || address.equals("::0");
  }

  /** An IP literal, never a name: resolving names at start-up would hide DNS in configuration. */
  private static void requireIpLiteral(String key, String value) {
    Objects.requireNonNull(value, key + " must be set");
    boolean ok =
        IPV4.matcher(value).matches()
            || (isIpv6(value) && IPV6.matcher(value).matches() && value.length() <= 45);
    if (!ok) {
      throw new IllegalArgumentException(
          key + " must be an IPv4 or IPv6 literal, was \"" + value + "\"");
    }
  }
}
