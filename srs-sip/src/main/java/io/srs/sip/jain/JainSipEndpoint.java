package io.srs.sip.jain;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.srs.core.lifecycle.AbstractLifeCycle;
import io.srs.sip.SipSettings;
import io.srs.sip.SipTransport;
import io.srs.sip.TlsFailureListener;
import io.srs.sip.handler.RequestDispatcher;
import io.srs.sip.message.DialogKey;
import io.srs.sip.tls.ServerTls;
import io.srs.sip.tls.ServerTlsLoader;
import io.srs.sip.tls.TlsFailureLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP stack, its listening points and providers: the only place that creates them. No
 * {@code SipFactory} singleton: the stack and factories are plain instances, so two endpoints in
 * one JVM (tests) share nothing.
 */
public final class JainSipEndpoint extends AbstractLifeCycle {
  private static final Logger log = LoggerFactory.getLogger(JainSipEndpoint.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** A server certificate this close to its end gets a WARN at every start. */
  static final Duration CERTIFICATE_EXPIRY_WARNING = Duration.ofDays(30);

  private final SipSettings settings;
  private final RequestDispatcher dispatcher;
  private final Clock clock;
  private final RandomGenerator random;
  private final TlsFailureListener tlsFailures;
  private SipStackImpl stack;
  private final List<SipProvider> providers = new ArrayList<>();
  private final List<ListeningPoint> listeningPoints = new ArrayList<>();
  private JainSipListener listener;
  private volatile JainByes byes;

  public JainSipEndpoint(
      SipSettings settings, RequestDispatcher dispatcher, Clock clock, RandomGenerator random) {
    this(settings, dispatcher, clock, random, TlsFailureListener.NONE);
  }

  /**
   * @param tlsFailures told about every failed handshake on the TLS listener (after the WARN line)
   */
  public JainSipEndpoint(
      SipSettings settings,
      RequestDispatcher dispatcher,
      Clock clock,
      RandomGenerator random,
      TlsFailureListener tlsFailures) {
    this.settings = settings;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.random = random;
    this.tlsFailures = tlsFailures;
  }

  @Override
  protected void doStart() throws Exception {
    String name = "srs-sip-" + settings.port() + "-" + INSTANCES.incrementAndGet();
    ServerTls tls =
        settings.tls() == null ? null : ServerTlsLoader.load(settings.tls(), clock.instant());
    SrsNetworkLayer network =
        new SrsNetworkLayer(
            tls,
            tls == null
                ? TlsFailureListener.NONE
                : new TlsFailureLog(settings.tls().port(), tlsFailures));
    stack = new SrsSipStack(JainStackProperties.build(settings, name, tls), network);
    HeaderFactoryImpl headers = new HeaderFactoryImpl();
    MessageFactoryImpl messages = new MessageFactoryImpl();
    Header server = headers.createHeader("Server", settings.serverHeader());
    Map<SipProvider, SipTransport> byProvider = new LinkedHashMap<>();
    for (SipTransport transport : SipTransport.values()) {
      if (!settings.transports().contains(transport)) {
        continue;
      }
      ListeningPoint point =
          stack.createListeningPoint(
              settings.bindAddress(), settings.port(transport), transport.wireName());
      listeningPoints.add(point);
      SipProvider provider = stack.createSipProvider(point);
      providers.add(provider);
      byProvider.put(provider, transport);
    }
    byes =
        new JainByes(stack, headers, headers.createHeader("User-Agent", settings.serverHeader()));
    listener =
        new JainSipListener(
            dispatcher, Map.copyOf(byProvider), messages, headers, server, clock, random, byes);
    for (SipProvider provider : providers) {
      provider.addSipListener(listener);
    }
    stack.start();
    log.info(
        "SIP listening on {}:{} {}",
        settings.bindAddress(),
        settings.port(),
        settings.transports());
    if (tls != null) {
      logTls(tls);
    }
  }

  private void logTls(ServerTls tls) {
    Instant notAfter = tls.certificate().getNotAfter().toInstant();
    log.info(
        "SIP TLS on {}:{}: certificate {} valid until {}, client-auth {}, {}",
        settings.bindAddress(),
        settings.tls().port(),
        tls.certificate().getSubjectX500Principal().getName(),
        notAfter,
        tls.clientAuth().configName(),
        tls.protocols());
    if (notAfter.isBefore(clock.instant().plus(CERTIFICATE_EXPIRY_WARNING))) {
      log.warn(
          "the SIP TLS certificate {} expires on {}: renew it (sip.tls.key-store)",
          tls.certificate().getSubjectX500Principal().getName(),
          notAfter);
    }
  }

  /**
   * Sends a BYE with {@code reason} as its Reason header in the dialog {@code key} (RFC 3261
   * §15.1.1), from a thread of its own; does nothing when the endpoint is not running.
   */
  public void sendBye(DialogKey key, String reason) {
    JainByes current = byes;
    if (current != null) {
      current.send(key, reason);
    }
  }

  @Override
  protected void doStop() throws Exception {
    if (stack == null) {
      return;
    }
    if (byes != null) {
      // First, while the listening points still send and receive: the BYEs of a drain go out and
      // their answers come back before the stack stops.
      byes.close(JainByes.ANSWER_WAIT);
      byes = null;
    }
    for (SipProvider provider : providers) {
      try {
        if (listener != null) {
          provider.removeSipListener(listener);
        }
        stack.deleteSipProvider(provider);
      } catch (Exception e) {
        log.debug("deleting provider: {}", e.toString());
      }
    }
    for (ListeningPoint point : listeningPoints) {
      try {
        stack.deleteListeningPoint(point);
      } catch (Exception e) {
        log.debug("deleting listening point: {}", e.toString());
      }
    }
    providers.clear();
    listeningPoints.clear();
    stack.stop();
    stack = null;
  }
}
