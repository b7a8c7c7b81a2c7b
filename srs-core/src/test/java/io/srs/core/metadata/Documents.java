package io.srs.core.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test documents: resources beside this package, and small inline bodies. */
final class Documents {
  private Documents() {}

  static final String NS = "urn:ietf:params:xml:ns:recording:1";

  static byte[] resource(String name) {
    try (InputStream in = Documents.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document of the dialect corpus under {@code src/test/resources/metadata/corpus}. */
  static byte[] corpus(String file) {
    return resource("/metadata/corpus/" + file);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A document in RFC 7865's namespace around {@code children}. */
  static byte[] recording(String children) {
    return utf8("<recording xmlns='" + NS + "'>" + children + "</recording>");
  }
}
