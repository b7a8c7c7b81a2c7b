package io.srs.sip.tls;

import io.srs.sip.TlsFailureListener;
import io.srs.sip.TlsFailureReason;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line per failed handshake, with the peer, then the next listener (the daemon's metric).
 * A port scan or a misconfigured SBC retrying in a loop must not flood the log: past {@link
 * #LINES_PER_WINDOW} lines in a {@link #WINDOW}, lines are counted instead, and the next line
 * written says how many were left out. The metric counts every failure either way.
 */
public final class TlsFailureLog implements TlsFailureListener {
  private static final Logger log = LoggerFactory.getLogger(TlsFailureLog.class);

  static final Duration WINDOW = Duration.ofSeconds(10);
  static final int LINES_PER_WINDOW = 20;

  /** The longest detail written: JSSE messages are short, a peer's text is not ours to echo. */
  static final int MAX_DETAIL_CHARS = 200;

  private final int port;
  private final TlsFailureListener next;
  private final LongSupplier nanoTime;
  private final Sink sink;
  private long windowStart;
  private int linesInWindow;
  private long suppressed;

  /** Where lines go; tests capture them. */
  @FunctionalInterface
  interface Sink {
    void warn(String line);
  }

  public TlsFailureLog(int port, TlsFailureListener next) {
    this(port, next, System::nanoTime, log::warn);
  }

  TlsFailureLog(int port, TlsFailureListener next, LongSupplier nanoTime, Sink sink) {
    this.port = port;
    this.next = next;
    this.nanoTime = nanoTime;
    this.sink = sink;
    this.windowStart = nanoTime.getAsLong();
  }

  @Override
  public void handshakeFailed(TlsFailureReason reason, InetSocketAddress peer, String detail) {
    String line = null;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (now - windowStart >= WINDOW.toNanos()) {
        windowStart = now;
        linesInWindow = 0;
      }
      if (linesInWindow < LINES_PER_WINDOW) {
        linesInWindow++;
        line = line(reason, peer, detail, suppressed);
        suppressed = 0;
      } else {
        suppressed++;
      }
    }
    if (line != null) {
      sink.warn(line);
    }
    try {
      next.handshakeFailed(reason, peer, detail);
    } catch (RuntimeException e) {
      log.debug("TLS failure listener failed: {}", e.toString());
    }
  }

  private String line(TlsFailureReason reason, InetSocketAddress peer, String detail, long left) {
    String text = detail == null ? "" : detail.replaceAll("[\\x00-\\x1f\\x7f]+", " ");
    if (text.length() > MAX_DETAIL_CHARS) {
      text = text.substring(0, MAX_DETAIL_CHARS) + "...";
    }
    return "TLS handshake failed: reason="
        + reason.label()
        + " peer="
        + (peer == null
            ? "?"
            : (peer.getAddress() == null
                    ? peer.getHostString()
                    : peer.getAddress().getHostAddress())
                + ":"
                + peer.getPort())
        + " port="
        + port
        + " detail=\""
        + text
        + "\""
        + (left > 0 ? " (" + left + " earlier failure line(s) suppressed)" : "");
  }
}
