package io.srs.core.fields;

import io.srs.core.metadata.MetadataException;
import io.srs.core.metadata.MetadataLimits;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.metadata.RecordingMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The test corpus under {@code src/test/resources/fields/}: per SRC family, the INVITE's headers
 * ({@code invite.txt}, one {@code Name: value} per line), the metadata bodies in arrival order
 * ({@code metadata-1.xml}, ...) and the fields expected ({@code expected.properties}).
 */
final class Corpus {
  private Corpus() {}

  static List<String> cases() {
    List<String> cases = new ArrayList<>();
    for (String line : text("/fields/cases.list").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        cases.add(line.strip());
      }
    }
    return cases;
  }

  static FieldSources sources(String name) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : text("/fields/" + name + "/invite.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      headers
          .computeIfAbsent(header, h -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 1; ; i++) {
      byte[] body = bytesOrNull("/fields/" + name + "/metadata-" + i + ".xml");
      if (body == null) {
        break;
      }
      bodies.add(body);
    }
    return new FieldSources(
        model(bodies), bodies, headers, uri(headers.get("from")), uri(headers.get("to")));
  }

  static Map<String, String> expected(String name) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text("/fields/" + name + "/expected.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> expected = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> expected.put(key, properties.getProperty(key)));
    return expected;
  }

  /** The latest body the metadata parser accepts, as the coordinator's merged model would be. */
  private static RecordingMetadata model(List<byte[]> bodies) {
    MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);
    for (int i = bodies.size() - 1; i >= 0; i--) {
      try {
        return parser.parse(bodies.get(i));
      } catch (MetadataException refused) {
        // Dialects the model does not read yet: profiles fall back to XPath.
      }
    }
    return RecordingMetadata.EMPTY;
  }

  /** The URI of a From/To value: inside angle brackets, or up to the first ';'. */
  private static String uri(List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.get(0);
    int open = value.indexOf('<');
    int close = value.indexOf('>');
    if (open >= 0 && close > open) {
      return value.substring(open + 1, close);
    }
    int semi = value.indexOf(';');
    return semi < 0 ? value : value.substring(0, semi);
  }

  static String text(String resource) {
    byte[] bytes = bytesOrNull(resource);
    if (bytes == null) {
      throw new IllegalArgumentException("no test resource " + resource);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] bytesOrNull(String resource) {
    try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
