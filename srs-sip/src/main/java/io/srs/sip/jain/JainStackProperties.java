package io.srs.sip.jain;

import io.srs.sip.SipSettings;
import io.srs.sip.tls.ServerTls;
import java.util.Properties;

/**
 * The JAIN-SIP RI configuration, every property set explicitly. JAIN-SIP silently ignores a
 * misspelt or ill-typed property (STYLE.md: the counter-example), so the names live here once, with
 * why each value was chosen, and a test pins them.
 */
final class JainStackProperties {
  private JainStackProperties() {}

  /** SIP transaction threads (RI THREAD_POOL_SIZE); handlers never block them on I/O. */
  static final int THREAD_POOL_SIZE = 8;

  /** TCP: ms allowed between reads of one message, so a slow sender cannot hold a thread. */
  static final int TCP_READ_TIMEOUT_MILLIS = 5_000;

  /** TCP connections accepted at once (RI MAX_CONNECTIONS). */
  static final int MAX_TCP_CONNECTIONS = 1_024;

  /** The RI's blocking transports: their TLS sockets come from our {@link SrsNetworkLayer}. */
  static final String MESSAGE_PROCESSOR_FACTORY =
      "gov.nist.javax.sip.stack.OIOMessageProcessorFactory";

  static Properties build(SipSettings settings, String stackName) {
    return build(settings, stackName, null);
  }

  /**
   * @param tls the loaded TLS side when {@code settings} has a TLS listener, else null
   */
  static Properties build(SipSettings settings, String stackName, ServerTls tls) {
    Properties p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", stackName);
    // The RI keeps dialogs, retransmits our 2xx until ACK and raises the ACK timeout for us.
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
    // Several requests are handled at once; our handlers are thread-safe.
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(THREAD_POOL_SIZE));
    // The 8 KB default drops INVITEs under load (TOOLS.md, measured).
    p.setProperty(
        "gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE",
        Integer.toString(settings.udpReceiveBufferBytes()));
    p.setProperty(
        "gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE",
        Integer.toString(settings.udpReceiveBufferBytes()));
    p.setProperty(
        "gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.maxMessageBytes()));
    p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", Integer.toString(TCP_READ_TIMEOUT_MILLIS));
    p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(MAX_TCP_CONNECTIONS));
    p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
    // Named explicitly so the RI does not warn that it fell back to it.
    p.setProperty(
        "gov.nist.javax.sip.TLS_SECURITY_POLICY",
        "gov.nist.javax.sip.stack.DefaultTlsSecurityPolicy");
    // The blocking transports (the RI's default, named so it cannot change under us): their TLS
    // sockets come from SrsNetworkLayer; the NIO ones would take key managers from a provider.
    p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", MESSAGE_PROCESSOR_FACTORY);
    // Not the RI's default provider: it reads the JVM-wide javax.net.ssl.* properties.
    p.setProperty(
        "gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER", NoSecurityManagerProvider.class.getName());
    if (tls != null) {
      tlsProperties(p, tls);
    }
    // Logging: errors only, through log4j-over-slf4j into the application's SLF4J backend; no
    // message log file.
    p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "4");
    p.setProperty("gov.nist.javax.sip.LOG4J_LOGGER_NAME", "gov.nist.javax.sip");
    p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    p.setProperty("gov.nist.javax.sip.LOG_STACK_TRACE_ON_MESSAGE_SEND", "false");
    return p;
  }

  /**
   * The RI applies these to the TLS listener and to each connection it accepts, over what {@link
   * SrsNetworkLayer} set up; so they must say the same as {@code sip.tls.*}.
   */
  private static void tlsProperties(Properties p, ServerTls tls) {
    // Unset, the RI demands a certificate on every connection ("Default" acts as "Enabled").
    p.setProperty(
        "gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE",
        switch (tls.clientAuth()) {
          case NONE -> "Disabled";
          case WANT -> "Want";
          case NEED -> "Enabled";
        });
    // Despite the name, also the listener's versions; the RI's default includes TLSv1 and TLSv1.1.
    p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", tls.protocols()));
    // The RI's default list has anonymous and 3DES suites, refused by current JVMs.
    p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", tls.cipherSuites()));
    // The RI's watchdog closes a connection whose handshake is not done by then (default: never),
    // so a silent TCP peer cannot hold a connection thread.
    p.setProperty(
        "gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT",
        Long.toString(tls.handshakeTimeout().toMillis()));
    // SIP needs no renegotiation; refusing it closes a CPU exhaustion path (client-initiated
    // renegotiation in TLS 1.2).
    p.setProperty("gov.nist.javax.sip.SSL_RENEGOTIATION_ENABLED", "false");
  }
}
