package io.srs.sip;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.srs.core.media.OfferedCrypto;
import io.srs.core.media.SrtpSuite;
import io.srs.sip.testing.Bodies;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.RawResponse;
import io.srs.sip.testing.RawSipClient;
import io.srs.sip.testing.TestRequest;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * SIPREC INVITEs offering SDES SRTP (RFC 4568) over real UDP on 127.0.0.1: the answer carries our
 * {@code a=crypto}, the offer reaches the domain with the SRC's keys, and no key reaches a log line
 * or a reason phrase.
 */
class SdesIntegrationTest {
  /** 30 bytes, AES_CM_128 sized (RFC 4568 §10's example key). */
  private static final String THEIR_KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

  /** The second stream's key: 30 bytes of 0x5A. */
  private static final String AGENT_KEY = "WlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpa";

  private static final String SDES_SDP =
      "v=0\r\n"
          + "o=SBC 1 1 IN IP4 192.0.2.10\r\n"
          + "s=SIPREC\r\n"
          + "c=IN IP4 192.0.2.10\r\n"
          + "t=0 0\r\n"
          + "m=audio 10000 RTP/SAVP 0 101\r\n"
          + "a=rtpmap:101 telephone-event/8000\r\n"
          + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
          + THEIR_KEY
          + "|2^31\r\n"
          + "a=label:1\r\n"
          + "a=sendonly\r\n"
          + "m=audio 10002 RTP/SAVP 8\r\n"
          + "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:"
          + AGENT_KEY
          + "|2^31|1:4\r\n"
          + "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:"
          + AGENT_KEY
          + "|2^31|1:4\r\n"
          + "a=label:2\r\n"
          + "a=sendonly\r\n";

  private static final Pattern ANSWER_CRYPTO =
      Pattern.compile("a=crypto:(\\d+) (\\S+) inline:([A-Za-z0-9+/=]+)\r\n");

  @RegisterExtension static final SipServerExtension sip = SipServerExtension.udp();

  private static final FakeRecordingService service = sip.service();

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logged);
  }

  private TestRequest invite(RawSipClient client, String sdp) {
    return TestRequest.of("INVITE")
        .transport(client.transport())
        .ports(client.localPort(), sip.port())
        .callId(UUID.randomUUID() + "@192.0.2.10")
        .branch("z9hG4bK-" + UUID.randomUUID())
        .header("Require", "siprec")
        .body(Bodies.MULTIPART_TYPE, Bodies.multipart(sdp, Bodies.METADATA));
  }

  @Test
  void anSdesInviteIsAnsweredWithOurOwnCryptoLinePerStream() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      client.send(invite(client, SDES_SDP).build());

      RawResponse ok = client.await(200, "INVITE");

      String body = ok.body();
      assertThat(body).contains("m=audio 40000 RTP/SAVP 0 101\r\n");
      assertThat(body).contains("m=audio 40002 RTP/SAVP 8\r\n");
      Matcher crypto = ANSWER_CRYPTO.matcher(body);
      assertThat(crypto.find()).isTrue();
      assertThat(crypto.group(1) + " " + crypto.group(2)).isEqualTo("1 AES_CM_128_HMAC_SHA1_80");
      assertThat(Base64.getDecoder().decode(crypto.group(3))).hasSize(30);
      assertThat(crypto.find()).isTrue();
      // The agent's first line (32-bit tag, MKI 1:4) is the one taken: the offerer's order.
      assertThat(crypto.group(1) + " " + crypto.group(2)).isEqualTo("1 AES_CM_128_HMAC_SHA1_32");
      assertThat(crypto.find()).isFalse();
      assertThat(body).doesNotContain(THEIR_KEY).doesNotContain(AGENT_KEY);
    }
  }

  @Test
  void theDomainIsOfferedTheSrcsKeysForEachStream() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      client.send(invite(client, SDES_SDP).build());
      client.await(200, "INVITE");

      var streams = service.offers.get(0).streams();
      OfferedCrypto caller = streams.get(0).crypto().get(0);
      assertThat(caller.keys().suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
      byte[] keySalt = Base64.getDecoder().decode(THEIR_KEY);
      assertThat(caller.keys().masterKey()).isEqualTo(java.util.Arrays.copyOf(keySalt, 16));
      assertThat(streams.get(1).crypto()).hasSize(2);
      assertThat(streams.get(1).crypto().get(0).keys().mkiLength()).isEqualTo(4);
    }
  }

  @Test
  void dtlsSrtpOnlyIsRefusedWith488() throws Exception {
    String dtls =
        SDES_SDP
            .replace("RTP/SAVP", "UDP/TLS/RTP/SAVP")
            .replaceAll("a=crypto:[^\r]*\r\n", "a=fingerprint:sha-256 AB:CD\r\n");
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      client.send(invite(client, dtls).build());

      RawResponse refused = client.await(488, "INVITE");
      assertThat(refused.header("Warning")).startsWith("305 ");
    }
  }

  @Test
  void noKeyReachesALogLineOrAReasonPhraseEvenWhenTheSdpIsRefused() throws Exception {
    // An SDP whose first line is an a=crypto line: refused with 400 quoting that line.
    String broken = "a=crypto:1 AEAD_AES_128_GCM inline:" + THEIR_KEY + "\r\n" + SDES_SDP;
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      client.send(invite(client, SDES_SDP).build());
      client.await(200, "INVITE");
      client.send(invite(client, broken).build());
      RawResponse refused = client.await(400, "INVITE");

      assertThat(refused.reason()).contains("inline:<reda").doesNotContain("PS1u");
    }
    assertThat(logged.list).isNotEmpty();
    for (ILoggingEvent event : logged.list) {
      assertThat(event.getFormattedMessage())
          .doesNotContain(THEIR_KEY.substring(0, 8))
          .doesNotContain(AGENT_KEY.substring(0, 8));
    }
  }
}
