package io.srs.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.TlsFailureListener;
import io.srs.sip.TlsFailureReason;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TlsFailureLogTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final List<String> lines = new ArrayList<>();
  private final AtomicInteger counted = new AtomicInteger();
  private final TlsFailureListener next = (reason, peer, detail) -> counted.incrementAndGet();
  private final TlsFailureLog log = new TlsFailureLog(5061, next, now::get, lines::add);
  private final InetSocketAddress peer = new InetSocketAddress("192.0.2.7", 40123);

  @Test
  void oneLineNamesTheReasonThePeerAndTheDetail() {
    log.handshakeFailed(TlsFailureReason.NOT_TLS, peer, "Unsupported or unrecognized SSL message");

    assertThat(lines)
        .containsExactly(
            "TLS handshake failed: reason=not_tls peer=192.0.2.7:40123 port=5061"
                + " detail=\"Unsupported or unrecognized SSL message\"");
    assertThat(counted).hasValue(1);
  }

  @Test
  void aFloodIsCountedInFullButLoggedAtMostTwentyLinesPerTenSeconds() {
    for (int i = 0; i < 100; i++) {
      log.handshakeFailed(TlsFailureReason.TIMEOUT, peer, "Read timed out");
    }
    assertThat(lines).hasSize(TlsFailureLog.LINES_PER_WINDOW);
    assertThat(counted).hasValue(100);

    now.addAndGet(TlsFailureLog.WINDOW.toNanos());
    log.handshakeFailed(TlsFailureReason.TIMEOUT, peer, "Read timed out");
    assertThat(lines.get(lines.size() - 1)).endsWith("(80 earlier failure line(s) suppressed)");
  }

  @Test
  void controlCharactersAndLongDetailsDoNotReachTheLogAsTheyAre() {
    log.handshakeFailed(TlsFailureReason.OTHER, peer, "a\r\nforged line" + "x".repeat(500));
    assertThat(lines.get(0)).doesNotContain("\r", "\n").contains("a forged line").endsWith("...\"");
  }
}
