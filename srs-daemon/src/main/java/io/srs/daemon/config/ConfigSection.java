package io.srs.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One mapping of the YAML tree, read key by key with types, ranges and defaults. Every key read is
 * remembered, so {@link #rejectUnknownKeys()} can name a misspelt key instead of silently ignoring
 * it (JAIN-SIP's 60 silently ignored properties are the counter-example).
 */
final class ConfigSection {
  private final String path;
  private final JsonNode node;
  private final Set<String> known = new LinkedHashSet<>();

  ConfigSection(String path, JsonNode node) throws ConfigException {
    this.path = path;
    this.node = node;
    if (node != null && !node.isNull() && !node.isObject()) {
      throw new ConfigException(
          "config key '"
              + (path.isEmpty() ? "<root>" : path)
              + "': expected a mapping, got "
              + kind(node));
    }
  }

  String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private JsonNode value(String name) {
    known.add(name);
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  ConfigSection section(String name) throws ConfigException {
    return new ConfigSection(key(name), value(name));
  }

  String string(String name, String fallback) throws ConfigException {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isValueNode() || value.isBinary()) {
      throw new ConfigException(
          "config key '" + key(name) + "': expected a string, got " + kind(value));
    }
    String text = value.asText().trim();
    if (text.isEmpty()) {
      throw new ConfigException("config key '" + key(name) + "': must not be empty");
    }
    return text;
  }

  /**
   * A secret (a password): read exactly as written, spaces kept, empty allowed; never echoed in an
   * error message.
   */
  String secret(String name) throws ConfigException {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (!value.isValueNode() || value.isBinary()) {
      throw new ConfigException(
          "config key '" + key(name) + "': expected a string, got " + kind(value));
    }
    return value.asText();
  }

  int integer(String name, int fallback, int min, int max) throws ConfigException {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    long parsed;
    if (value.isIntegralNumber()) {
      parsed = value.asLong();
    } else if (value.isTextual() && value.asText().trim().matches("-?\\d{1,10}")) {
      parsed = Long.parseLong(value.asText().trim());
    } else {
      throw new ConfigException(
          "config key '" + key(name) + "': expected an integer, got " + describe(value));
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(
          "config key '"
              + key(name)
              + "': must be between "
              + min
              + " and "
              + max
              + ", was "
              + parsed);
    }
    return (int) parsed;
  }

  long longInteger(String name, long fallback, long min, long max) throws ConfigException {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    long parsed;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      parsed = value.asLong();
    } else if (value.isTextual() && value.asText().trim().matches("-?\\d{1,18}")) {
      parsed = Long.parseLong(value.asText().trim());
    } else {
      throw new ConfigException(
          "config key '" + key(name) + "': expected an integer, got " + describe(value));
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(
          "config key '"
              + key(name)
              + "': must be between "
              + min
              + " and "
              + max
              + ", was "
              + parsed);
    }
    return parsed;
  }

  List<String> strings(String name, List<String> fallback) throws ConfigException {
    return strings(name, fallback, false);
  }

  List<String> strings(String name, List<String> fallback, boolean allowEmpty)
      throws ConfigException {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    List<String> result = new ArrayList<>();
    if (value.isTextual()) {
      for (String part : value.asText().split(",")) {
        if (!part.isBlank()) {
          result.add(part.trim());
        }
      }
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isValueNode()) {
          throw new ConfigException(
              "config key '"
                  + key(name)
                  + "': expected a list of strings, got an item "
                  + kind(item));
        }
        result.add(item.asText().trim());
      }
    } else {
      throw new ConfigException(
          "config key '" + key(name) + "': expected a list, got " + kind(value));
    }
    if (result.isEmpty() && !allowEmpty) {
      throw new ConfigException("config key '" + key(name) + "': must not be empty");
    }
    return result;
  }

  /** One of {@code allowed} (case-insensitive), returned in lower case. */
  String choice(String name, String fallback, List<String> allowed) throws ConfigException {
    String value = string(name, fallback).toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(value)) {
      throw new ConfigException(
          "config key '" + key(name) + "': expected one of " + allowed + ", was '" + value + "'");
    }
    return value;
  }

  boolean bool(String name, boolean fallback) throws ConfigException {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual() && value.asText().trim().matches("(?i)true|false")) {
      return Boolean.parseBoolean(value.asText().trim());
    }
    throw new ConfigException(
        "config key '" + key(name) + "': expected true or false, got " + describe(value));
  }

  /** A list of mappings, each read as a section keyed {@code name[i]}. */
  List<ConfigSection> sections(String name) throws ConfigException {
    JsonNode value = value(name);
    List<ConfigSection> sections = new ArrayList<>();
    if (value == null) {
      return sections;
    }
    if (!value.isArray()) {
      throw new ConfigException(
          "config key '" + key(name) + "': expected a list, got " + kind(value));
    }
    for (int i = 0; i < value.size(); i++) {
      sections.add(new ConfigSection(key(name) + "[" + i + "]", value.get(i)));
    }
    return sections;
  }

  /** The full key of this section ({@code metadata.rules[2]}). */
  String path() {
    return path;
  }

  /** Fails naming the first key of this mapping that no reader asked for. */
  void rejectUnknownKeys() throws ConfigException {
    if (node == null || node.isNull()) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException(
            "config key '"
                + key(name)
                + "': unknown key; known keys here: "
                + String.join(", ", known));
      }
    }
  }

  private static String kind(JsonNode value) {
    JsonNodeType type = value.getNodeType();
    return switch (type) {
      case OBJECT -> "a mapping";
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String describe(JsonNode value) {
    String text = value.isValueNode() ? "'" + value.asText() + "'" : kind(value);
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
