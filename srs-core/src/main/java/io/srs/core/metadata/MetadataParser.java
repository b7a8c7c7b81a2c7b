package io.srs.core.metadata;

import io.srs.core.metadata.MetadataException.Kind;
import java.io.ByteArrayInputStream;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses an RFC 7865 metadata document into {@link RecordingMetadata}. Hardened: no DTD, no entity
 * expansion beyond XML's five, bounded size, depth and element count.
 *
 * <p>The body comes from any SRC that can reach our SIP port, so the JDK's StAX parser is
 * configured against the classic XML attacks (OWASP XXE cheat sheet): DTDs are not processed and a
 * DOCTYPE is refused outright (no billion laughs), external entities are neither resolved nor
 * fetched (no XXE, no SSRF), and the size bound is checked before a byte is parsed.
 *
 * <p>Thread-safe: one instance is shared by all SIP threads. The factory is built once (building it
 * is not cheap); only reader creation is serialised, each parse then runs on its own reader.
 */
public final class MetadataParser {
  private final MetadataLimits limits;
  private final XMLInputFactory factory;

  public MetadataParser(MetadataLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.factory = hardenedFactory();
  }

  /**
   * Parses one body.
   *
   * @throws MetadataException with a one-line reason when the body is refused
   */
  public RecordingMetadata parse(byte[] body) throws MetadataException {
    if (body == null || body.length == 0) {
      throw new MetadataException(
          Kind.MALFORMED, "metadata body is empty; expected an RFC 7865 <recording> document");
    }
    if (body.length > limits.maxBytes()) {
      throw new MetadataException(
          Kind.TOO_LARGE,
          "metadata body is "
              + body.length
              + " bytes; the limit is "
              + limits.maxBytes()
              + " bytes");
    }
    XMLStreamReader reader = open(body);
    try {
      XmlCursor cursor = new XmlCursor(reader, limits, body);
      cursor.enterRoot();
      RecordingMetadata metadata = RecordingReader.read(cursor);
      cursor.finish();
      return metadata;
    } finally {
      close(reader);
    }
  }

  private XMLStreamReader open(byte[] body) throws MetadataException {
    try {
      // The JDK factory keeps mutable state while creating readers; creation is brief.
      synchronized (factory) {
        return factory.createXMLStreamReader(new ByteArrayInputStream(body));
      }
    } catch (XMLStreamException | RuntimeException e) {
      // The encoding is detected here: an unknown encoding or a broken byte order mark fails now.
      throw new MetadataException(
          Kind.MALFORMED,
          "metadata is not well-formed XML: " + Excerpt.ofDiagnostic(e.getMessage()),
          e);
    }
  }

  private static void close(XMLStreamReader reader) {
    try {
      reader.close();
    } catch (XMLStreamException | RuntimeException ignored) {
      // Nothing to release for an in-memory body.
    }
  }

  /**
   * The JDK's own StAX implementation, not whatever a classpath provides: its hardening properties
   * are known to work (Woodstox and others name and honour them differently).
   */
  private static XMLInputFactory hardenedFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    // No DTD processing: internal subsets are not applied, external ones never loaded.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // Replace references, so that without a DTD an undeclared entity is a parse error rather
    // than an event; the predefined five and character references still read as text.
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
    setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    // Belt and braces: should anything still ask to resolve an entity, refuse.
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entities are not resolved in recording metadata");
        });
    return factory;
  }

  private static void setIfSupported(XMLInputFactory factory, String property, Object value) {
    if (factory.isPropertySupported(property)) {
      try {
        factory.setProperty(property, value);
      } catch (IllegalArgumentException unsupported) {
        // Optional hardening; the DTD switch above is what matters.
      }
    }
  }
}
