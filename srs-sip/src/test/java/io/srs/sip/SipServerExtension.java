package io.srs.sip;

import io.srs.core.metadata.RecordingMetadata;
import io.srs.sip.handler.SessionTimerPolicy;
import io.srs.sip.siprec.MetadataDecoder;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.RawSipClient;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link SipServer} on 127.0.0.1 for a whole test class, over a {@link FakeRecordingService} that
 * is reset before each test; metadata is not parsed ({@link RecordingMetadata#EMPTY}). One server
 * per class because stopping a JAIN-SIP stack takes a second; every test uses its own Call-ID.
 * Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final SipServerExtension sip = SipServerExtension.udp();
 * }</pre>
 *
 * In this package because the session-timer bounds of a test server are a package-private
 * constructor's parameter.
 */
final class SipServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final Set<SipTransport> transports;
  private final SessionTimerPolicy timerPolicy;
  private final FakeRecordingService service = new FakeRecordingService();
  private SipServer server;
  private int port;

  private SipServerExtension(Set<SipTransport> transports, SessionTimerPolicy timerPolicy) {
    this.transports = transports;
    this.timerPolicy = Objects.requireNonNull(timerPolicy, "timerPolicy");
  }

  /** SIP over UDP only, standard session-timer bounds. */
  static SipServerExtension udp() {
    return on(EnumSet.of(SipTransport.UDP));
  }

  /** SIP over {@code transports} (not TLS: it needs its own settings), on one port. */
  static SipServerExtension on(Set<SipTransport> transports) {
    return new SipServerExtension(EnumSet.copyOf(transports), SessionTimerPolicy.STANDARD);
  }

  /** The same server with other RFC 4028 bounds (a test cannot wait out the real 90 s minimum). */
  SipServerExtension withSessionTimers(SessionTimerPolicy policy) {
    return new SipServerExtension(transports, policy);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    port = RawSipClient.freePort();
    SipSettings settings =
        SipSettings.defaults("127.0.0.1", "127.0.0.1").withPort(port).withTransports(transports);
    server =
        new SipServer(
            settings,
            service,
            (MetadataDecoder) body -> RecordingMetadata.EMPTY,
            Clock.systemUTC(),
            timerPolicy);
    server.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    service.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  /** The port every transport listens on; set once the class's tests start. */
  int port() {
    return port;
  }

  SipServer server() {
    return server;
  }

  FakeRecordingService service() {
    return service;
  }
}
