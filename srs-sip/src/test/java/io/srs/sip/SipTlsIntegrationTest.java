package io.srs.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.session.EndReason;
import io.srs.sip.siprec.MetadataDecoder;
import io.srs.sip.testing.Bodies;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.RawResponse;
import io.srs.sip.testing.RawSipClient;
import io.srs.sip.testing.TestPki;
import io.srs.sip.testing.TestRequest;
import io.srs.sip.testing.TlsSettingsBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIP over TLS on 127.0.0.1 with JDK sockets as the SRC: a call set up, acknowledged and ended over
 * TLS, and each kind of failed handshake reported with its reason and the peer's address. Two
 * servers for the class: one plain TLS (no client certificate), one mTLS on TLS 1.3 only.
 */
class SipTlsIntegrationTest {
  private static final TestPki pki = TestPki.shared();
  private static final FakeRecordingService service = new FakeRecordingService();
  private static final List<Failure> failures = new CopyOnWriteArrayList<>();

  private static Server plain;
  private static Server mutual;

  record Failure(TlsFailureReason reason, InetSocketAddress peer, String detail, int serverPort) {}

  record Server(SipServer sip, int udpPort, int tlsPort) {}

  private static Server start(TlsSettingsBuilder tls) throws Exception {
    int udpPort = RawSipClient.freePort();
    int tlsPort = RawSipClient.freePort();
    SipSettings settings =
        SipSettings.defaults("127.0.0.1", "127.0.0.1")
            .withPort(udpPort)
            .withTransports(EnumSet.of(SipTransport.UDP))
            .withTls(tls.port(tlsPort).handshakeTimeout(Duration.ofMillis(700)).build());
    SipServer sip =
        new SipServer(
            settings,
            service,
            (MetadataDecoder) body -> RecordingMetadata.EMPTY,
            Clock.systemUTC(),
            io.srs.sip.handler.SessionTimerPolicy.STANDARD,
            (reason, peer, detail) -> failures.add(new Failure(reason, peer, detail, tlsPort)));
    sip.start();
    return new Server(sip, udpPort, tlsPort);
  }

  @BeforeAll
  static void startServers() throws Exception {
    plain = start(TlsSettingsBuilder.of(pki.serverKeyStore, TestPki.PASSWORD));
    mutual =
        start(
            TlsSettingsBuilder.of(pki.serverKeyStore, TestPki.PASSWORD)
                .clientAuth(TlsClientAuth.NEED)
                .trustStore(pki.caTrustStore, TestPki.PASSWORD)
                .protocols(List.of("TLSv1.3")));
  }

  @AfterAll
  static void stopServers() throws Exception {
    plain.sip().stop();
    mutual.sip().stop();
  }

  @BeforeEach
  void forgetEarlierCalls() {
    service.reset();
    failures.clear();
  }

  private static SSLSocket connect(SSLContext context, int port, String... protocols)
      throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
    socket.setSoTimeout(5000);
    if (protocols.length > 0) {
      socket.setEnabledProtocols(protocols);
    }
    socket.startHandshake();
    return socket;
  }

  private static TestRequest request(RawSipClient client, int tlsPort, String method, String id) {
    return TestRequest.of(method)
        .transport("TLS")
        .ports(client.localPort(), tlsPort)
        .callId(id)
        .branch("z9hG4bK-" + UUID.randomUUID());
  }

  private static TestRequest invite(RawSipClient client, int tlsPort, String id) {
    return request(client, tlsPort, "INVITE", id)
        .header("Require", "siprec")
        .body(Bodies.MULTIPART_TYPE, Bodies.multipart(Bodies.SDP, Bodies.METADATA));
  }

  private static Failure awaitOneFailure() {
    await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
    return failures.get(0);
  }

  @Test
  void aSiprecCallOverTlsIsAnsweredWithATlsContactAndEndedByBye() throws Exception {
    SSLContext src = pki.clientContext(null, pki.caTrustStore);
    try (RawSipClient client = RawSipClient.tls(connect(src, plain.tlsPort()))) {
      String callId = UUID.randomUUID() + "@192.0.2.10";
      client.send(invite(client, plain.tlsPort(), callId).build());

      RawResponse ok = client.await(200, "INVITE");
      assertThat(ok.header("Contact"))
          .isEqualTo("<sip:srs@127.0.0.1:" + plain.tlsPort() + ";transport=tls>;+sip.srs");
      assertThat(ok.header("Via")).contains("SIP/2.0/TLS");
      assertThat(service.offers).hasSize(1);
      assertThat(service.offers.get(0).callId()).isEqualTo(callId);

      String toTag = ok.toTag();
      client.send(
          request(client, plain.tlsPort(), "ACK", callId).toTag(toTag).cseq(1, "ACK").build());
      await().atMost(Duration.ofSeconds(5)).until(() -> service.acknowledged.size() == 1);
      client.send(
          request(client, plain.tlsPort(), "BYE", callId).toTag(toTag).cseq(2, "BYE").build());
      client.await(200, "BYE");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  service.ended.equals(
                      List.of(
                          new FakeRecordingService.End(service.accepted.get(0), EndReason.BYE))));
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void aDialogSetUpWithASipsUriGetsASipsContact() throws Exception {
    SSLContext src = pki.clientContext(null, pki.caTrustStore);
    try (RawSipClient client = RawSipClient.tls(connect(src, plain.tlsPort()))) {
      client.send(
          TestRequest.of("OPTIONS")
              .transport("TLS")
              .ports(client.localPort(), plain.tlsPort())
              .requestUri("sips:srs@127.0.0.1:" + plain.tlsPort())
              .callId(UUID.randomUUID() + "@192.0.2.10")
              .build());

      assertThat(client.await(200, "OPTIONS").header("Contact"))
          .isEqualTo("<sips:srs@127.0.0.1:" + plain.tlsPort() + ">;+sip.srs");
    }
  }

  @Test
  void plainSipOnTheTlsPortIsCountedAsNotTlsWithThePeersAddress() throws Exception {
    try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), plain.tlsPort())) {
      OutputStream out = tcp.getOutputStream();
      out.write("OPTIONS sip:srs@127.0.0.1 SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();

      Failure failure = awaitOneFailure();
      assertThat(failure.reason()).isEqualTo(TlsFailureReason.NOT_TLS);
      assertThat(failure.peer().getPort()).isEqualTo(tcp.getLocalPort());
      assertThat(failure.peer().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    }
  }

  @Test
  void aSilentTcpPeerIsCutOffAtTheHandshakeTimeout() throws Exception {
    try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), plain.tlsPort())) {
      long started = System.nanoTime();
      Failure failure = awaitOneFailure();
      assertThat(failure.reason()).isEqualTo(TlsFailureReason.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      tcp.setSoTimeout(3000);
      // At most a TLS alert record, then end of stream: the recorder closed the connection.
      assertThat(tcp.getInputStream().readAllBytes().length).isLessThan(64);
    }
  }

  @Test
  void anSrcThatDoesNotTrustOurCertificateIsCountedAsRejectingIt() throws Exception {
    SSLContext trustsAnotherCa = pki.clientContext(null, pki.rogueClientKeyStore);
    assertThatThrownBy(() -> connect(trustsAnotherCa, plain.tlsPort()).close())
        .isInstanceOf(IOException.class);

    assertThat(awaitOneFailure().reason()).isEqualTo(TlsFailureReason.CERTIFICATE_REJECTED);
  }

  @Test
  void underMutualTlsACertificateFromOurCaIsAccepted() throws Exception {
    SSLContext src = pki.clientContext(pki.clientKeyStore, pki.caTrustStore);
    try (RawSipClient client = RawSipClient.tls(connect(src, mutual.tlsPort()))) {
      client.send(
          TestRequest.of("OPTIONS")
              .transport("TLS")
              .ports(client.localPort(), mutual.tlsPort())
              .callId(UUID.randomUUID() + "@192.0.2.10")
              .build());
      assertThat(client.await(200, "OPTIONS").header("Contact")).contains("transport=tls");
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void underMutualTlsAnUntrustedClientCertificateIsCounted() throws Exception {
    SSLContext rogue = pki.clientContext(pki.rogueClientKeyStore, pki.caTrustStore);
    // TLS 1.3: the client's handshake may end before the server has judged its certificate, so
    // the refusal can surface on the first read instead.
    assertThatThrownBy(
            () -> {
              try (SSLSocket socket = connect(rogue, mutual.tlsPort())) {
                socket.getOutputStream().write("OPTIONS".getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().read();
              }
            })
        .isInstanceOf(IOException.class);

    Failure failure = awaitOneFailure();
    assertThat(failure.reason()).isEqualTo(TlsFailureReason.CLIENT_CERTIFICATE);
    assertThat(failure.detail()).contains("PKIX");
    assertThat(failure.serverPort()).isEqualTo(mutual.tlsPort());
  }

  @Test
  void underMutualTlsNoClientCertificateAtAllIsCounted() throws Exception {
    SSLContext anonymous = pki.clientContext(null, pki.caTrustStore);
    assertThatThrownBy(
            () -> {
              try (SSLSocket socket = connect(anonymous, mutual.tlsPort())) {
                socket.getOutputStream().write("OPTIONS".getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().read();
              }
            })
        .isInstanceOf(IOException.class);

    Failure failure = awaitOneFailure();
    assertThat(failure.reason()).isEqualTo(TlsFailureReason.CLIENT_CERTIFICATE);
    assertThat(failure.detail()).contains("Empty client certificate chain");
  }

  @Test
  void aClientOfferingOnlyTls12ToATls13ListenerIsAProtocolFailure() throws Exception {
    SSLContext old = pki.clientContext(pki.clientKeyStore, pki.caTrustStore);
    assertThatThrownBy(() -> connect(old, mutual.tlsPort(), "TLSv1.2").close())
        .isInstanceOf(IOException.class);

    assertThat(awaitOneFailure().reason()).isEqualTo(TlsFailureReason.PROTOCOL);
  }

  @Test
  void failedHandshakesDoNotUseUpTheListenersConnectionSlots() throws Exception {
    int attempts = 1_100; // past the RI's MAX_CONNECTIONS (1,024)
    for (int i = 0; i < attempts; i++) {
      try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), plain.tlsPort())) {
        tcp.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        tcp.setSoTimeout(5000);
        tcp.getInputStream().readAllBytes(); // until the recorder hangs up
      }
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> failures.size() == attempts);

    SSLContext src = pki.clientContext(null, pki.caTrustStore);
    try (RawSipClient client = RawSipClient.tls(connect(src, plain.tlsPort()))) {
      client.send(
          TestRequest.of("OPTIONS")
              .transport("TLS")
              .ports(client.localPort(), plain.tlsPort())
              .callId(UUID.randomUUID() + "@192.0.2.10")
              .build());
      assertThat(client.await(200, "OPTIONS").status()).isEqualTo(200);
    }
  }

  @Test
  void theTlsPortIsReportedBesideTheUdpPort() {
    assertThat(plain.sip().tlsPort()).isEqualTo(plain.tlsPort());
    assertThat(plain.sip().port()).isEqualTo(plain.udpPort());
  }
}
