package io.srs.daemon.config;

import io.srs.core.fields.FieldRule;
import io.srs.core.fields.RuleSource;
import io.srs.core.media.SrtpSuite;
import io.srs.sip.SourceAllowlist;
import io.srs.sip.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The daemon's whole configuration, typed and validated ({@link ConfigLoader} builds it). Every
 * key, its default and unit is documented in {@code config/srs.yaml}.
 */
public record SrsConfig(
    Sip sip,
    Rtp rtp,
    Storage storage,
    Limits limits,
    Metadata metadata,
    Recording recording,
    Http http,
    Logging logging,
    Srtp srtp) {

  /**
   * {@code sip.*}.
   *
   * @param bind the IP address SIP listens on
   * @param port the SIP port of UDP and TCP
   * @param transports {@code udp}, {@code tcp}, {@code tls}
   * @param maxMessageBytes the largest SIP message accepted
   * @param udpReceiveBufferBytes SO_RCVBUF of the SIP UDP socket
   * @param tls {@code sip.tls.*}, its key material already checked; null unless {@code transports}
   *     has {@code tls}
   * @param allowedSources {@code sip.allowed-sources}: who may set up recordings (empty: anyone)
   */
  public record Sip(
      String bind,
      int port,
      List<String> transports,
      int maxMessageBytes,
      int udpReceiveBufferBytes,
      TlsSettings tls,
      SourceAllowlist allowedSources) {}

  /**
   * {@code rtp.*}.
   *
   * @param bind the IP address media receivers bind
   * @param advertise the IP address written into SDP answers (defaults to {@code bind})
   * @param portMin the lowest port of the media range (even)
   * @param portMax the highest port of the media range
   * @param reorderWindow packets held per stream to put reordered packets in place
   * @param ioThreads event-loop threads for media (0: one per core, at most 4)
   * @param inactivityTimeout end a call after this long without media on any stream (zero: never)
   * @param batchIntervalMicros while media flows, the sleep between polls of an event loop (0: wake
   *     for every packet)
   * @param relatchAfterMillis a stream's source silent this long may be taken over by a new sender
   *     (0: never)
   */
  public record Rtp(
      String bind,
      String advertise,
      int portMin,
      int portMax,
      int reorderWindow,
      int ioThreads,
      Duration inactivityTimeout,
      int batchIntervalMicros,
      int relatchAfterMillis) {}

  /**
   * {@code storage.*}.
   *
   * @param path the directory recordings are written under
   * @param writeBufferBytes per-track staging buffer; also the most a crash can lose per track
   * @param indexFile the SQLite index file, or null when {@code storage.index} is {@code none}
   * @param minFreeBytes below this much usable space the recorder reports not ready
   */
  public record Storage(Path path, int writeBufferBytes, Path indexFile, long minFreeBytes) {}

  /**
   * {@code limits.*}.
   *
   * @param maxSessions concurrent recording sessions; past it INVITEs get 503
   * @param finaliserThreads threads finalising recordings (fsync, hashing, sidecar)
   * @param shutdownGrace how long SIGTERM waits for recordings to be finalised once ended
   * @param drain how long SIGTERM lets calls in progress run to their own end before ending them
   */
  public record Limits(
      int maxSessions, int finaliserThreads, Duration shutdownGrace, Duration drain) {}

  /**
   * {@code metadata.*}.
   *
   * @param maxBytes the largest metadata body parsed (SIP 413 past it)
   * @param maxDepth the deepest XML nesting accepted
   * @param policy {@code lenient} (record and flag) or {@code strict} (400) for missing or unusable
   *     metadata
   * @param requiredFields normalised fields every recording should carry (the match rate)
   * @param rules user rules extracting normalised fields, tried before the built-in profiles
   */
  public record Metadata(
      int maxBytes, int maxDepth, String policy, List<String> requiredFields, List<Rule> rules) {}

  /**
   * {@code metadata.rules[]}: one way to find a normalised field.
   *
   * @param field the field name ({@code agentId}, ...)
   * @param header a SIP header of the INVITE to read, or null
   * @param xpath an XPath over the metadata XML, or null (exactly one of header/xpath)
   * @param regex a regular expression whose first group (or whole match) is the value, or null
   * @param key the config key of the rule, for error messages ({@code metadata.rules[2]})
   */
  public record Rule(String field, String header, String xpath, String regex, String key) {

    /** The core rule this config entry denotes; validated when the config is loaded. */
    public FieldRule toFieldRule() {
      return header != null
          ? new FieldRule(field, RuleSource.HEADER, header, regex)
          : new FieldRule(field, RuleSource.XPATH, xpath, regex);
    }
  }

  /**
   * {@code recording.*}.
   *
   * @param format {@code native} (G.711 bit-exact) or {@code pcm16} (every track linear)
   * @param stereo also write a two-channel {@code stereo.wav}, one party per channel
   * @param pauseMode {@code silence} (paused spans kept as silence) or {@code cut}
   * @param dtmfMasking silence the audio under DTMF and keep no digits (PCI)
   */
  public record Recording(String format, boolean stereo, String pauseMode, boolean dtmfMasking) {}

  /**
   * {@code http.*}: health and metrics.
   *
   * @param bind the IP address the HTTP endpoint listens on
   * @param port its TCP port; 0 turns the endpoint off
   */
  public record Http(String bind, int port) {
    /** True when the endpoint is wanted. */
    public boolean enabled() {
      return port != 0;
    }
  }

  /**
   * {@code logging.*}.
   *
   * @param format {@code text} (one human-readable line per event) or {@code json} (one JSON object
   *     per line, logstash layout)
   */
  public record Logging(String format) {}

  /**
   * {@code srtp.*}: media protection accepted (SDES, RFC 4568).
   *
   * @param policy {@code optional} (record plain RTP or SRTP as offered) or {@code required} (plain
   *     RTP m-lines declined; 488 when none is left)
   * @param suites the SDES crypto-suites accepted, no duplicates; the offer's order picks among
   *     them
   */
  public record Srtp(String policy, List<SrtpSuite> suites) {
    public Srtp {
      suites = List.copyOf(suites);
    }
  }
}
