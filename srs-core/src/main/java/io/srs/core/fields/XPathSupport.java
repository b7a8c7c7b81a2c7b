package io.srs.core.fields;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.w3c.dom.Document;

/**
 * XPath evaluation that is safe to share between threads. Neither {@link XPathFactory}, {@link
 * XPath} nor {@link XPathExpression} is thread-safe, so each thread that uses an instance gets its
 * own {@link XPath} and its own cache of compiled expressions; the set of expressions is fixed by
 * the rules, so each cache stays small.
 */
final class XPathSupport {
  private final ThreadLocal<PerThread> perThread = ThreadLocal.withInitial(PerThread::new);

  /**
   * The string value of {@code expression} over {@code document} (XPath 1.0 {@code string()}: the
   * text of the first node selected), or null when it is blank or evaluation fails.
   */
  String evaluate(String expression, Document document) {
    try {
      Object value = perThread.get().compiled(expression).evaluate(document, XPathConstants.STRING);
      return value instanceof String text && !text.isBlank() ? text : null;
    } catch (XPathExpressionException | RuntimeException e) {
      // A run-time failure (a limit of the secure processing mode, a type error) finds nothing.
      return null;
    }
  }

  /**
   * Compiles {@code expression} once, to refuse it at start-up rather than on a live call.
   *
   * @throws IllegalArgumentException naming the field and the expression
   */
  static void checkCompiles(String field, String expression) {
    try {
      // Compiling alone accepts an unbound prefix or an unknown function; evaluating once over an
      // empty document surfaces those too.
      newXPath().compile(expression).evaluate(emptyDocument(), XPathConstants.STRING);
    } catch (XPathExpressionException | RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String detail =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      throw new IllegalArgumentException(
          "rule for "
              + field
              + ": XPath expression '"
              + expression
              + "' does not compile: "
              + detail.strip(),
          e);
    }
  }

  private static Document emptyDocument() {
    try {
      Document document =
          DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
      document.appendChild(document.createElement("recording"));
      return document;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK DOM builder is unavailable", e);
    }
  }

  /**
   * The JDK's own XPath engine with secure processing on: no extension functions, bounded
   * expression complexity.
   */
  private static XPath newXPath() {
    XPathFactory factory = XPathFactory.newDefaultInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (XPathFactoryConfigurationException e) {
      throw new IllegalStateException("the JDK XPath engine refused secure processing", e);
    }
    XPath xpath = factory.newXPath();
    xpath.setNamespaceContext(NO_PREFIXES);
    return xpath;
  }

  /**
   * Binds no prefix (but {@code xml}), so {@code //ac:agent} is refused at start-up ("Prefix must
   * resolve to a namespace") instead of silently matching nothing: vendors choose prefixes freely,
   * rules match by {@code local-name()} and, where it matters, {@code namespace-uri()}.
   */
  private static final NamespaceContext NO_PREFIXES =
      new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
          return XMLConstants.XML_NS_PREFIX.equals(prefix) ? XMLConstants.XML_NS_URI : null;
        }

        @Override
        public String getPrefix(String namespaceUri) {
          return null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceUri) {
          return Collections.emptyIterator();
        }
      };

  private static final class PerThread {
    private final XPath xpath = newXPath();
    private final Map<String, XPathExpression> compiled = new HashMap<>();

    XPathExpression compiled(String expression) throws XPathExpressionException {
      XPathExpression found = compiled.get(expression);
      if (found == null) {
        found = xpath.compile(expression);
        compiled.put(expression, found);
      }
      return found;
    }
  }
}
