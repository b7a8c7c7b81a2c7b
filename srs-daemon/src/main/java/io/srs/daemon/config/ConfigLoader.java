package io.srs.daemon.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.srs.core.media.SrtpPolicy;
import io.srs.core.media.SrtpSuite;
import io.srs.rtp.RtpSettings;
import io.srs.sip.SourceAllowlist;
import io.srs.sip.TlsSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code srs.yaml} (or nothing: embedded defaults), applies command-line overrides on the
 * tree, and builds a validated {@link SrsConfig}. Any problem is a {@link ConfigException} naming
 * the key.
 */
public final class ConfigLoader {
  /** The largest config file read: a config is a page of YAML, not a data set. */
  static final long MAX_CONFIG_BYTES = 1024 * 1024;

  /** storage.min-free-bytes: 1 GiB is about 35 hours of one G.711 track. */
  static final long DEFAULT_MIN_FREE_BYTES = 1024L * 1024 * 1024;

  /**
   * limits.drain-seconds: with a few seconds of finalisation it fits Kubernetes' default 30 s
   * termination grace period; raise it (and TimeoutStopSec) to let long calls finish.
   */
  static final int DEFAULT_DRAIN_SECONDS = 20;

  static final int DEFAULT_HTTP_PORT = 8080;

  /** Environment variables {@code SRS_<SECTION>_<KEY>} override the file. */
  static final String ENV_PREFIX = "SRS_";

  private static final Pattern ENV_NAME = Pattern.compile("SRS_([A-Z0-9]+)_([A-Z0-9_]+)");

  private static final Pattern PORT_RANGE =
      Pattern.compile("\\s*(\\d{1,5})\\s*-\\s*(\\d{1,5})\\s*");
  private static final List<String> TRANSPORTS = List.of("udp", "tcp", "tls");

  /** TLS needs a key store, so it is never on by default. */
  private static final List<String> DEFAULT_TRANSPORTS = List.of("udp", "tcp");

  /**
   * Sections nested in a section, for environment variables: {@code SRS_SIP_TLS_KEY_STORE} is
   * {@code sip.tls.key-store}, not {@code sip.tls-key-store}.
   */
  private static final Map<String, List<String>> NESTED = Map.of("sip", List.of("tls"));

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /**
   * Loads the configuration.
   *
   * @param file the YAML file, or null for embedded defaults
   * @param overrides dotted keys ({@code sip.port}) to values, applied over the file
   */
  public SrsConfig load(Path file, Map<String, String> overrides) throws ConfigException {
    return load(file, Map.of(), overrides);
  }

  /**
   * Loads the configuration: the file, then the environment, then the command line, each over the
   * one before.
   *
   * @param file the YAML file, or null for embedded defaults
   * @param environment the process environment; only {@code SRS_<SECTION>_<KEY>} variables are read
   *     ({@code SRS_SIP_PORT=5070} is {@code sip.port}, underscores in the key are dashes)
   * @param overrides dotted keys ({@code sip.port}) to values, applied last
   */
  public SrsConfig load(Path file, Map<String, String> environment, Map<String, String> overrides)
      throws ConfigException {
    ObjectNode root = file == null ? JsonNodeFactory.instance.objectNode() : readTree(file);
    Map<String, String> fromEnvironment = new TreeMap<>(); // dotted key -> variable name
    for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith(ENV_PREFIX)) {
        continue;
      }
      String key = environmentKey(name);
      fromEnvironment.put(key, name);
      put(root, key, variable.getValue());
    }
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      put(root, override.getKey(), override.getValue());
      fromEnvironment.remove(override.getKey());
    }
    try {
      return build(root);
    } catch (ConfigException e) {
      throw blameVariable(e, fromEnvironment);
    }
  }

  /** {@code SRS_STORAGE_MIN_FREE_BYTES} to {@code storage.min-free-bytes}. */
  static String environmentKey(String variable) throws ConfigException {
    Matcher matcher = ENV_NAME.matcher(variable);
    if (!matcher.matches()) {
      throw new ConfigException(
          "environment variable "
              + variable
              + ": expected SRS_<SECTION>_<KEY> in upper case, e.g. SRS_SIP_PORT");
    }
    String section = matcher.group(1).toLowerCase(Locale.ROOT);
    String key = matcher.group(2).toLowerCase(Locale.ROOT).replace('_', '-');
    for (String nested : NESTED.getOrDefault(section, List.of())) {
      if (key.startsWith(nested + "-")) {
        return section + "." + nested + "." + key.substring(nested.length() + 1);
      }
    }
    return section + "." + key;
  }

  /** A problem with a key set from the environment names the variable, not just the key. */
  private static ConfigException blameVariable(ConfigException e, Map<String, String> variables) {
    for (Map.Entry<String, String> entry : variables.entrySet()) {
      if (e.getMessage().startsWith("config key '" + entry.getKey() + "'")) {
        return new ConfigException(
            "environment variable " + entry.getValue() + " sets " + e.getMessage(), e);
      }
    }
    return e;
  }

  private ObjectNode readTree(Path file) throws ConfigException {
    try {
      if (Files.size(file) > MAX_CONFIG_BYTES) {
        throw new ConfigException(
            "config file " + file + ": larger than " + MAX_CONFIG_BYTES + " bytes");
      }
      JsonNode tree = yaml.readTree(file.toFile());
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!tree.isObject()) {
        throw new ConfigException("config file " + file + ": the top level must be a mapping");
      }
      return (ObjectNode) tree;
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + ": not found");
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "config file " + file + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("config file " + file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static void put(ObjectNode root, String dottedKey, String value) throws ConfigException {
    String[] parts = dottedKey.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null || child.isNull()) {
        node = node.putObject(parts[i]);
      } else if (child.isObject()) {
        node = (ObjectNode) child;
      } else {
        throw new ConfigException("config key '" + dottedKey + "': cannot override a non-mapping");
      }
    }
    node.put(parts[parts.length - 1], value);
  }

  private static SrsConfig build(ObjectNode tree) throws ConfigException {
    ConfigSection root = new ConfigSection("", tree);
    SrsConfig.Sip sip = sip(root.section("sip"));
    SrsConfig.Rtp rtp = rtp(root.section("rtp"));
    ConfigSection storageSection = root.section("storage");
    Path storagePath = Path.of(storageSection.string("path", "./recordings"));
    int writeBuffer = storageSection.integer("write-buffer-bytes", 16 * 1024, 512, 1024 * 1024);
    String index = storageSection.choice("index", "sqlite", List.of("sqlite", "none"));
    String indexFile = storageSection.string("index-file", null);
    long minFree =
        storageSection.longInteger("min-free-bytes", DEFAULT_MIN_FREE_BYTES, 0, Long.MAX_VALUE);
    SrsConfig.Storage storage =
        new SrsConfig.Storage(
            storagePath,
            writeBuffer,
            index.equals("none")
                ? null
                : indexFile != null ? Path.of(indexFile) : storagePath.resolve("index.sqlite"),
            minFree);
    storageSection.rejectUnknownKeys();
    ConfigSection limitsSection = root.section("limits");
    SrsConfig.Limits limits =
        new SrsConfig.Limits(
            limitsSection.integer("max-sessions", 1000, 1, 100_000),
            limitsSection.integer("finaliser-threads", 2, 1, 64),
            Duration.ofSeconds(limitsSection.integer("shutdown-grace-seconds", 30, 0, 86_400)),
            Duration.ofSeconds(
                limitsSection.integer("drain-seconds", DEFAULT_DRAIN_SECONDS, 0, 86_400)));
    limitsSection.rejectUnknownKeys();
    SrsConfig.Metadata metadata = metadata(root.section("metadata"));
    ConfigSection recordingSection = root.section("recording");
    SrsConfig.Recording recording =
        new SrsConfig.Recording(
            recordingSection.choice("format", "native", List.of("native", "pcm16")),
            recordingSection.bool("stereo", false),
            recordingSection.choice("pause-mode", "silence", List.of("silence", "cut")),
            recordingSection.bool("dtmf-masking", false));
    recordingSection.rejectUnknownKeys();
    ConfigSection httpSection = root.section("http");
    SrsConfig.Http http =
        new SrsConfig.Http(
            address(httpSection, "bind", "127.0.0.1"),
            httpSection.integer("port", DEFAULT_HTTP_PORT, 0, 65535));
    httpSection.rejectUnknownKeys();
    ConfigSection loggingSection = root.section("logging");
    SrsConfig.Logging logging =
        new SrsConfig.Logging(loggingSection.choice("format", "text", List.of("text", "json")));
    loggingSection.rejectUnknownKeys();
    SrsConfig.Srtp srtp = srtp(root.section("srtp"));
    root.rejectUnknownKeys();
    return new SrsConfig(sip, rtp, storage, limits, metadata, recording, http, logging, srtp);
  }

  private static SrsConfig.Srtp srtp(ConfigSection section) throws ConfigException {
    String policy = section.choice("policy", "optional", List.of("optional", "required"));
    List<String> defaults = SrtpPolicy.ALL_SUITES.stream().map(SrtpSuite::sdesName).toList();
    List<SrtpSuite> suites = new ArrayList<>();
    for (String name : section.strings("suites", defaults)) {
      SrtpSuite suite =
          SrtpSuite.fromSdesName(name)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "config key '"
                              + section.key("suites")
                              + "': unknown SRTP suite '"
                              + name
                              + "'; expected some of "
                              + defaults));
      if (!suites.contains(suite)) {
        suites.add(suite);
      }
    }
    section.rejectUnknownKeys();
    return new SrsConfig.Srtp(policy, suites);
  }

  private static SrsConfig.Metadata metadata(ConfigSection section) throws ConfigException {
    int maxBytes = section.integer("max-bytes", 64 * 1024, 1024, 16 * 1024 * 1024);
    int maxDepth = section.integer("max-depth", 32, 4, 256);
    String policy = section.choice("policy", "lenient", List.of("lenient", "strict"));
    List<String> required =
        section.strings("required-fields", List.of("agentId", "conversationId"), true);
    List<SrsConfig.Rule> rules = new ArrayList<>();
    for (ConfigSection rule : section.sections("rules")) {
      String field = rule.string("field", null);
      if (field == null) {
        throw new ConfigException("config key '" + rule.key("field") + "': missing");
      }
      String header = rule.string("header", null);
      String xpath = rule.string("xpath", null);
      if ((header == null) == (xpath == null)) {
        throw new ConfigException(
            "config key '" + rule.path() + "': give exactly one of 'header' or 'xpath'");
      }
      String regex = rule.string("regex", null);
      if (regex != null) {
        try {
          java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new ConfigException(
              "config key '"
                  + rule.key("regex")
                  + "': not a regular expression: "
                  + e.getDescription());
        }
      }
      rule.rejectUnknownKeys();
      SrsConfig.Rule parsed = new SrsConfig.Rule(field, header, xpath, regex, rule.path());
      try {
        parsed.toFieldRule(); // compiles the XPath and checks the field name now, not mid-call
      } catch (IllegalArgumentException e) {
        throw new ConfigException("config key '" + rule.path() + "': " + e.getMessage());
      }
      rules.add(parsed);
    }
    section.rejectUnknownKeys();
    return new SrsConfig.Metadata(maxBytes, maxDepth, policy, required, rules);
  }

  private static SrsConfig.Sip sip(ConfigSection section) throws ConfigException {
    String bind = address(section, "bind", "127.0.0.1");
    int port = section.integer("port", 5060, 1, 65535);
    List<String> transports = section.strings("transports", DEFAULT_TRANSPORTS);
    for (String transport : transports) {
      if (!TRANSPORTS.contains(transport.toLowerCase(Locale.ROOT))) {
        throw new ConfigException(
            "config key '"
                + section.key("transports")
                + "': unknown transport '"
                + transport
                + "'; expected some of "
                + TRANSPORTS);
      }
    }
    List<String> names =
        transports.stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
    int maxMessageBytes = section.integer("max-message-bytes", 64 * 1024, 4096, 1024 * 1024);
    int udpBuffer =
        section.integer("udp-receive-buffer-bytes", 1024 * 1024, 65536, 64 * 1024 * 1024);
    TlsSettings tls = TlsSection.read(section.section("tls"), names.contains("tls"));
    List<String> sources = section.strings("allowed-sources", List.of(), true);
    for (int i = 0; i < sources.size(); i++) {
      String problem = SourceAllowlist.problem(sources.get(i));
      if (problem != null) {
        throw new ConfigException(
            "config key '" + section.key("allowed-sources") + "[" + i + "]': " + problem);
      }
    }
    if (sources.size() > SourceAllowlist.MAX_ENTRIES) {
      throw new ConfigException(
          "config key '"
              + section.key("allowed-sources")
              + "': at most "
              + SourceAllowlist.MAX_ENTRIES
              + " entries");
    }
    if (tls != null && names.contains("tcp") && tls.port() == port) {
      throw new ConfigException(
          "config key '"
              + TlsSettings.KEY_PORT
              + "': "
              + port
              + " is sip.port, where the TCP listener is; TLS needs a port of its own (5061)");
    }
    section.rejectUnknownKeys();
    return new SrsConfig.Sip(
        bind, port, names, maxMessageBytes, udpBuffer, tls, SourceAllowlist.parse(sources));
  }

  private static SrsConfig.Rtp rtp(ConfigSection section) throws ConfigException {
    String bind = address(section, "bind", "127.0.0.1");
    String advertise = address(section, "advertise", bind);
    if (isWildcard(advertise)) {
      throw new ConfigException(
          "config key '"
              + section.key("advertise")
              + "': SDP answers need a concrete address; set it when rtp.bind is "
              + bind);
    }
    String range = section.string("ports", "20000-29999");
    Matcher matcher = PORT_RANGE.matcher(range);
    if (!matcher.matches()) {
      throw new ConfigException(
          "config key '"
              + section.key("ports")
              + "': expected LOW-HIGH, e.g. 20000-29999, was '"
              + range
              + "'");
    }
    int low = Integer.parseInt(matcher.group(1));
    int high = Integer.parseInt(matcher.group(2));
    if (low < 1024 || high > 65535 || low >= high) {
      throw new ConfigException(
          "config key '"
              + section.key("ports")
              + "': need 1024 <= LOW < HIGH <= 65535, was "
              + range);
    }
    if (low % 2 != 0) {
      throw new ConfigException(
          "config key '"
              + section.key("ports")
              + "': LOW must be even (RTP on even ports, RFC 3550 §11), was "
              + low);
    }
    var rtp =
        new SrsConfig.Rtp(
            bind,
            advertise,
            low,
            high,
            section.integer("reorder-window", 8, 1, 64),
            section.integer("io-threads", 0, 0, 64),
            Duration.ofSeconds(section.integer("inactivity-timeout-seconds", 300, 0, 86_400)),
            section.integer(
                "batch-interval-micros",
                RtpSettings.DEFAULT_BATCH_INTERVAL_MICROS,
                0,
                RtpSettings.MAX_BATCH_INTERVAL_MICROS),
            section.integer(
                "relatch-after-millis",
                RtpSettings.DEFAULT_RELATCH_QUIET_MILLIS,
                0,
                RtpSettings.MAX_RELATCH_QUIET_MILLIS));
    section.rejectUnknownKeys();
    return rtp;
  }

  private static String address(ConfigSection section, String name, String fallback)
      throws ConfigException {
    String value = section.string(name, fallback);
    // Only literal addresses: a host name would be resolved (and could change) at run time.
    if (!isIpv4Literal(value) && !isIpv6Literal(value)) {
      throw new ConfigException(
          "config key '"
              + section.key(name)
              + "': expected an IP address literal, was '"
              + value
              + "'");
    }
    return value;
  }

  private static boolean isIpv4Literal(String value) {
    String[] octets = value.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6Literal(String value) {
    if (!value.contains(":") || !value.matches("[0-9A-Fa-f:.]+")) {
      return false;
    }
    try {
      // A literal containing ':' is parsed, never looked up in DNS.
      return InetAddress.getByName(value) instanceof java.net.Inet6Address;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isWildcard(String address) {
    return address.equals("0.0.0.0") || address.equals("::") || address.equals("0:0:0:0:0:0:0:0");
  }
}
