package io.srs.daemon.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The dialog as the wire sees it, against a scripted recorder: which Request-URI each request
 * carries. A load balancer in front of the recorder makes the difference: the INVITE goes to the
 * balancer, everything after its 2xx to the recorder's Contact.
 */
class SipDialogClientTest {
  private static final InetSocketAddress BALANCER = new InetSocketAddress("192.0.2.1", 5060);
  private static final String NODE = "sip:srs@192.0.2.11:5070;transport=udp";

  /** Answers each request from a script; keeps what was sent. */
  private static final class ScriptedTransport implements SipTransport {
    final List<String> sent = new ArrayList<>();
    final Deque<String> replies = new ArrayDeque<>();

    @Override
    public String viaName() {
      return "UDP";
    }

    @Override
    public boolean reliable() {
      return false;
    }

    @Override
    public InetSocketAddress localAddress() {
      return new InetSocketAddress("192.0.2.50", 40000);
    }

    @Override
    public void send(String message) {
      sent.add(message);
    }

    @Override
    public String receive(Duration timeout) {
      return replies.poll();
    }

    @Override
    public void close() {}

    List<String> requestLines() {
      return sent.stream().map(m -> m.substring(0, m.indexOf("\r\n"))).toList();
    }
  }

  private static String ok(long cseq, String method) {
    return "SIP/2.0 200 OK\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.50:40000;branch=z9hG4bK-x\r\n"
        + "From: <sip:src@simulate.example.com>;tag=a\r\n"
        + "To: <sip:srs@192.0.2.1:5060>;tag=node\r\n"
        + "Call-ID: c@192.0.2.50\r\n"
        + "CSeq: "
        + cseq
        + " "
        + method
        + "\r\n"
        + "Contact: <"
        + NODE
        + ">;+sip.srs\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  private static SipDialogClient client(ScriptedTransport transport) {
    Random random = new Random(7);
    return new SipDialogClient(
        transport,
        BALANCER,
        CallIdentity.create(1, "192.0.2.50", random),
        Duration.ofSeconds(2),
        "test",
        random);
  }

  @Test
  void theAckOfTheFirst200GoesToTheRecordersContactNotToTheBalancer() throws Exception {
    ScriptedTransport transport = new ScriptedTransport();
    transport.replies.add(ok(1, "INVITE"));
    SipDialogClient dialog = client(transport);

    assertThat(dialog.invite("application/sdp", "v=0\r\n", Map.of()).status()).isEqualTo(200);

    assertThat(transport.requestLines())
        .containsExactly("INVITE sip:srs@192.0.2.1:5060 SIP/2.0", "ACK " + NODE + " SIP/2.0");
    assertThat(transport.sent.get(1)).contains("To: <sip:srs@192.0.2.1:5060>;tag=node\r\n");
  }

  @Test
  void theByeFollowsTheSameContact() throws Exception {
    ScriptedTransport transport = new ScriptedTransport();
    transport.replies.add(ok(1, "INVITE"));
    transport.replies.add(ok(2, "BYE"));
    SipDialogClient dialog = client(transport);
    dialog.invite("application/sdp", "v=0\r\n", Map.of());

    assertThat(dialog.bye().status()).isEqualTo(200);

    assertThat(transport.requestLines()).last().isEqualTo("BYE " + NODE + " SIP/2.0");
  }
}
