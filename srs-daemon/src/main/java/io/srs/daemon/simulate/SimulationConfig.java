package io.srs.daemon.simulate;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * One run of {@code srs simulate}, validated: what to call, how, with what, and how many.
 *
 * @param transferAt when agent A hands over to agent B, from the ACK; null for no transfer
 * @param pauseAt when both streams pause (a=inactive), from the ACK; null for no pause
 * @param tls how the recorder is checked over TLS; set exactly when {@code transport} is TLS
 * @param srtp how media is protected (SDES SRTP); null for plain RTP
 */
public record SimulationConfig(
    InetSocketAddress target,
    SimTransport transport,
    String bindAddress,
    Dialect dialect,
    SimCodec codec,
    EncodedAudio callerAudio,
    EncodedAudio agentAudio,
    Duration duration,
    Duration transferAt,
    Duration pauseAt,
    Duration pauseFor,
    int calls,
    double rate,
    int maxConcurrent,
    Duration responseTimeout,
    TlsClient tls,
    SimulatedSrtp srtp) {

  /** The longest call a run may place. */
  public static final Duration MAX_DURATION = Duration.ofHours(1);

  /** The most calls one run may place. */
  public static final int MAX_CALLS = 100_000;

  /** The most calls in progress at once: each holds a thread and three sockets. */
  public static final int MAX_CONCURRENT = 1_000;

  public SimulationConfig {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(callerAudio, "callerAudio");
    Objects.requireNonNull(agentAudio, "agentAudio");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    if ((transport == SimTransport.TLS) != (tls != null)) {
      throw new IllegalArgumentException("TLS options go with --transport tls, and only with it");
    }
    if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          "--duration " + duration.toMillis() / 1000.0 + " s is outside (0, 3600] s");
    }
    if (transferAt != null && (transferAt.isNegative() || transferAt.compareTo(duration) >= 0)) {
      throw new IllegalArgumentException("--transfer-at must fall inside the call's --duration");
    }
    if ((pauseAt == null) != (pauseFor == null)) {
      throw new IllegalArgumentException("--pause-at and --pause-for go together");
    }
    if (pauseAt != null
        && (pauseAt.isNegative()
            || pauseFor.isNegative()
            || pauseFor.isZero()
            || pauseAt.plus(pauseFor).compareTo(duration) >= 0)) {
      throw new IllegalArgumentException(
          "the pause (--pause-at + --pause-for) must end inside the call's --duration");
    }
    if (calls < 1 || calls > MAX_CALLS) {
      throw new IllegalArgumentException("--calls " + calls + " is outside 1-" + MAX_CALLS);
    }
    if (!(rate > 0) || rate > 1000) {
      throw new IllegalArgumentException("--rate " + rate + " is outside (0, 1000] calls/s");
    }
    if (maxConcurrent < 1 || maxConcurrent > MAX_CONCURRENT) {
      throw new IllegalArgumentException(
          "--max-concurrent " + maxConcurrent + " is outside 1-" + MAX_CONCURRENT);
    }
  }
}
