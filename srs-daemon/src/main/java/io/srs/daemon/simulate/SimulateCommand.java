package io.srs.daemon.simulate;

import io.srs.core.media.SrtpSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code srs simulate}: a SIPREC client (RFC 7866 SRC) that places recorded calls at a target, to
 * test a recorder before the SBC points at it, and to load it. Prints a report; exit 0 only when
 * every call succeeded.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Place SIPREC calls at a recorder and report what happened.")
public final class SimulateCommand implements Callable<Integer> {
  public static final int EXIT_OK = 0;
  public static final int EXIT_CALLS_FAILED = 1;
  public static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "HOST:PORT",
      description = "The recorder's SIP address.")
  String target;

  @Option(
      names = "--transport",
      defaultValue = "udp",
      paramLabel = "udp|tcp|tls",
      description = "SIP transport (default: ${DEFAULT-VALUE}); tls goes to sip.tls.port (5061).")
  String transport;

  @Option(
      names = "--tls-trust",
      paramLabel = "FILE",
      description =
          "With tls: CA or server certificate(s) the recorder's must chain to, PEM or PKCS12"
              + " (default: the JVM's public CAs).")
  Path tlsTrust;

  @Option(
      names = "--tls-trust-password",
      paramLabel = "PASSWORD",
      description = "Password of a PKCS12 --tls-trust file.")
  String tlsTrustPassword;

  @Option(
      names = "--tls-key-store",
      paramLabel = "FILE",
      description = "With tls: a PKCS12 client key and certificate, for sip.tls.client-auth.")
  Path tlsKeyStore;

  @Option(
      names = "--tls-key-store-password",
      paramLabel = "PASSWORD",
      description = "Password of --tls-key-store.")
  String tlsKeyStorePassword;

  @Option(
      names = "--tls-insecure",
      description =
          "With tls: accept any certificate for any name. Lab use only: it proves nothing about"
              + " the certificate an SBC will check.")
  boolean tlsInsecure;

  @Option(
      names = "--srtp",
      arity = "0..1",
      fallbackValue = "AES_CM_128_HMAC_SHA1_80",
      paramLabel = "SUITE",
      description =
          "Send SRTP keyed by SDES (RFC 4568): each stream offers RTP/SAVP with a fresh a=crypto"
              + " of SUITE (default when given without one: ${FALLBACK-VALUE}). Suites:"
              + " AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32, AES_256_CM_HMAC_SHA1_80,"
              + " AES_256_CM_HMAC_SHA1_32, AEAD_AES_128_GCM, AEAD_AES_256_GCM.")
  String srtp;

  @Option(
      names = "--srtp-key-log",
      paramLabel = "FILE",
      description =
          "With --srtp: append each stream's Call-ID, label and a=crypto line to FILE (created"
              + " owner-only), to decrypt a capture or search the recorder's files for a leaked"
              + " key. It holds secrets.")
  Path srtpKeyLog;

  @Option(
      names = "--bind",
      paramLabel = "IP",
      description = "Local address for SIP and RTP (default: the one routing to the target).")
  String bind;

  @Option(
      names = "--dialect",
      defaultValue = "rfc7865",
      paramLabel = "rfc7865|oracle|audiocodes|broadworks|genesys",
      description = "Metadata dialect (default: ${DEFAULT-VALUE}).")
  String dialect;

  @Option(
      names = "--codec",
      defaultValue = "pcmu",
      paramLabel = "pcmu|pcma|g722",
      description = "Codec of both streams (default: ${DEFAULT-VALUE}).")
  String codec;

  @Option(
      names = "--caller-wav",
      paramLabel = "FILE",
      description = "Caller audio: mono 8 kHz PCM16 or mu-law WAV (default: a 440 Hz tone).")
  Path callerWav;

  @Option(
      names = "--agent-wav",
      paramLabel = "FILE",
      description = "Agent audio: mono 8 kHz PCM16 or mu-law WAV (default: a 1000 Hz tone).")
  Path agentWav;

  @Option(
      names = "--duration",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description = "Call length from ACK to BYE (default: ${DEFAULT-VALUE}, at most 3600).")
  double duration;

  @Option(
      names = "--transfer-at",
      paramLabel = "SECONDS",
      description = "re-INVITE a transfer (agent A leaves, agent B joins) at this time.")
  Double transferAt;

  @Option(
      names = "--pause-at",
      paramLabel = "SECONDS",
      description = "Pause both streams (re-INVITE a=inactive) at this time.")
  Double pauseAt;

  @Option(names = "--pause-for", paramLabel = "SECONDS", description = "Pause length.")
  Double pauseFor;

  @Option(names = "--calls", defaultValue = "1", description = "Calls to place (default: 1).")
  int calls;

  @Option(
      names = "--rate",
      defaultValue = "1",
      paramLabel = "CPS",
      description = "New calls per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--max-concurrent",
      defaultValue = "200",
      paramLabel = "N",
      description = "Calls in progress at once, at most (default: ${DEFAULT-VALUE}, cap 1000).")
  int maxConcurrent;

  @Option(
      names = "--response-timeout",
      defaultValue = "8",
      paramLabel = "SECONDS",
      description = "Wait for a final SIP response (default: ${DEFAULT-VALUE}).")
  double responseTimeout;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimulationConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException | IOException e) {
      err.println("srs simulate: " + e.getMessage());
      err.flush();
      return EXIT_USAGE;
    }
    out.printf(
        "srs simulate: %d call(s) to %s over %s, %s%s, %s metadata, %.1f s each%n",
        config.calls(),
        target,
        config.transport(),
        config.codec(),
        config.srtp() == null ? "" : " over SRTP " + config.srtp().suite().sdesName(),
        config.dialect().wireName(),
        duration);
    out.flush();
    SimulationReport report;
    try (SimulatedSrtp ignored = config.srtp()) {
      report = new LoadRunner(config, Clock.systemUTC(), err).run();
    } catch (IOException e) {
      err.println("srs simulate: cannot close the --srtp-key-log: " + e.getMessage());
      err.flush();
      return EXIT_USAGE;
    }
    out.print(report.render());
    out.flush();
    return report.allSucceeded() ? EXIT_OK : EXIT_CALLS_FAILED;
  }

  private SimulationConfig config() throws IOException {
    SimTransport sipTransport = SimTransport.fromWireName(transport);
    SrtpSuite srtpSuite = srtpSuite(sipTransport);
    TlsClient tls = tls(sipTransport);
    InetSocketAddress targetAddress = parseTarget(target);
    SimCodec simCodec;
    try {
      simCodec = SimCodec.valueOf(codec.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown --codec '" + codec + "'; expected pcmu, pcma or g722");
    }
    String local = bind != null ? bind : routeTo(targetAddress);
    int rateHz = simCodec.sampleRate();
    short[] caller =
        callerWav != null ? AudioSource.wav(callerWav, rateHz) : AudioSource.tone(440, rateHz);
    short[] agent =
        agentWav != null ? AudioSource.wav(agentWav, rateHz) : AudioSource.tone(1000, rateHz);
    return new SimulationConfig(
        targetAddress,
        sipTransport,
        local,
        Dialect.fromWireName(dialect),
        simCodec,
        EncodedAudio.encode(caller, simCodec),
        EncodedAudio.encode(agent, simCodec),
        seconds(duration, "--duration"),
        transferAt == null ? null : seconds(transferAt, "--transfer-at"),
        pauseAt == null ? null : seconds(pauseAt, "--pause-at"),
        pauseFor == null ? null : seconds(pauseFor, "--pause-for"),
        calls,
        rate,
        maxConcurrent,
        seconds(responseTimeout, "--response-timeout"),
        tls,
        srtpSuite == null ? null : SimulatedSrtp.open(srtpSuite, srtpKeyLog));
  }

  /** The {@code --srtp} suite, or null for plain RTP. */
  private SrtpSuite srtpSuite(SimTransport sipTransport) {
    if (srtp == null) {
      if (srtpKeyLog != null) {
        throw new IllegalArgumentException("--srtp-key-log needs --srtp");
      }
      return null;
    }
    SrtpSuite suite =
        SrtpSuite.fromSdesName(srtp)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown --srtp suite '"
                            + srtp
                            + "'; expected one of "
                            + java.util.Arrays.stream(SrtpSuite.values())
                                .map(SrtpSuite::sdesName)
                                .toList()));
    if (sipTransport != SimTransport.TLS) {
      // RFC 4568 §8.3: SDES keys ride in the SDP, so only a secured signalling path keeps them.
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "srs simulate: WARNING: --srtp over "
              + sipTransport.name().toLowerCase(java.util.Locale.ROOT)
              + ": the SDES keys travel in clear SDP (RFC 4568 §8.3); an SBC sends them over"
              + " TLS.");
      err.flush();
    }
    return suite;
  }

  /** The TLS client for {@code --transport tls}; TLS options with another transport are a slip. */
  private TlsClient tls(SimTransport sipTransport) throws IOException {
    boolean tlsOptions =
        tlsTrust != null
            || tlsTrustPassword != null
            || tlsKeyStore != null
            || tlsKeyStorePassword != null
            || tlsInsecure;
    if (sipTransport != SimTransport.TLS) {
      if (tlsOptions) {
        throw new IllegalArgumentException("--tls-* options need --transport tls");
      }
      return null;
    }
    if (tlsInsecure && tlsTrust != null) {
      throw new IllegalArgumentException("--tls-insecure and --tls-trust contradict each other");
    }
    if (tlsInsecure) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "srs simulate: WARNING: --tls-insecure: the recorder's certificate is not checked;"
              + " this tests nothing an SBC would check. Lab use only.");
      err.flush();
    }
    return TlsClient.create(
        tlsTrust, tlsTrustPassword, tlsKeyStore, tlsKeyStorePassword, tlsInsecure);
  }

  static InetSocketAddress parseTarget(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new IllegalArgumentException("--target '" + target + "' is not HOST:PORT");
    }
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--target port in '" + target + "' is not a number");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--target port " + port + " is outside 1-65535");
    }
    InetSocketAddress address = new InetSocketAddress(target.substring(0, colon), port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException(
          "--target host '" + address.getHostString() + "' does not resolve");
    }
    return address;
  }

  /** The local address the kernel would route to {@code target} from (no packet is sent). */
  private static String routeTo(InetSocketAddress target) throws IOException {
    try (DatagramSocket probe = new DatagramSocket()) {
      probe.connect(target);
      return probe.getLocalAddress().getHostAddress();
    }
  }

  private static Duration seconds(double value, String option) {
    if (Double.isNaN(value) || value < 0 || value > 86_400) {
      throw new IllegalArgumentException(option + " " + value + " is not a number of seconds");
    }
    return Duration.ofNanos((long) (value * 1e9));
  }
}
