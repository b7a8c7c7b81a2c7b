package io.srs.core.fields;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A namespace-aware DOM parser hardened like the metadata StAX parser (OWASP XXE cheat sheet): a
 * DOCTYPE is refused outright (no billion laughs, no internal subset), external entities and DTDs
 * are never resolved or fetched (no XXE, no SSRF), XInclude is off. A body it refuses yields no
 * document, never an exception: field extraction must not fail a recording.
 *
 * <p>Thread-safe: each thread has its own {@link DocumentBuilder} (builders are not thread-safe),
 * reset before each parse.
 */
final class HardenedXml {
  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";
  private static final String EXTERNAL_GENERAL_ENTITIES =
      "http://xml.org/sax/features/external-general-entities";
  private static final String EXTERNAL_PARAMETER_ENTITIES =
      "http://xml.org/sax/features/external-parameter-entities";
  private static final String LOAD_EXTERNAL_DTD =
      "http://apache.org/xml/features/nonvalidating/load-external-dtd";

  /** The JDK's bound on element nesting (jdk.xml.maxElementDepth); far above any SRC's. */
  static final int MAX_ELEMENT_DEPTH = 64;

  private final ThreadLocal<DocumentBuilder> builders =
      ThreadLocal.withInitial(HardenedXml::newBuilder);

  /** The document, or null when the body is refused or not well-formed. */
  Document parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    DocumentBuilder builder = builders.get();
    try {
      builder.reset();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are not resolved in recording metadata");
          });
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException | RuntimeException e) {
      return null;
    }
  }

  private static DocumentBuilder newBuilder() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(DISALLOW_DOCTYPE, true);
      factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
      factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
      factory.setFeature(LOAD_EXTERNAL_DTD, false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      setIfSupported(factory, "jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      return builder;
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      throw new IllegalStateException("the JDK DOM parser refused a hardening setting", e);
    }
  }

  private static void setIfSupported(DocumentBuilderFactory factory, String name, Object value) {
    try {
      factory.setAttribute(name, value);
    } catch (IllegalArgumentException unsupported) {
      // Optional bound; the size bound on the input is what matters.
    }
  }

  /** The default handler prints to stderr; a refused body is ordinary here, not news. */
  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };
}
