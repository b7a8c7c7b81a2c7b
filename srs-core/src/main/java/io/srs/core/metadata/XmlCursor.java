package io.srs.core.metadata;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.ENTITY_DECLARATION;
import static javax.xml.stream.XMLStreamConstants.ENTITY_REFERENCE;
import static javax.xml.stream.XMLStreamConstants.NOTATION_DECLARATION;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import io.srs.core.metadata.MetadataException.Kind;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A bounded walk over one StAX reader: every step counts depth and elements against {@link
 * MetadataLimits}, refuses DTDs and entity references, and turns the parser's exceptions into
 * {@link MetadataException}s that carry a line:column. The element readers see only this class.
 *
 * <p>Protocol: an element reader is called with the cursor on its start tag and returns with the
 * cursor on its end tag, whatever it did (read children, read text, or {@link #skip}).
 */
final class XmlCursor {
  private final XMLStreamReader reader;
  private final MetadataLimits limits;
  private final byte[] body;
  private RawElementIndex rawIndex;
  private long keptChars;
  private int depth;
  private int elements;

  XmlCursor(XMLStreamReader reader, MetadataLimits limits) {
    this(reader, limits, new byte[0]);
  }

  /** A cursor that can also hand out the verbatim text of elements of {@code body}. */
  XmlCursor(XMLStreamReader reader, MetadataLimits limits, byte[] body) {
    this.reader = reader;
    this.limits = limits;
    this.body = body;
  }

  /** Moves past the prolog (declaration, comments, processing instructions) to the root. */
  void enterRoot() throws MetadataException {
    while (advance() != START_ELEMENT) {
      // The prolog may hold comments and processing instructions; a DOCTYPE is refused in advance.
    }
  }

  /** After the root's end tag: reads to the end so trailing garbage is refused, not ignored. */
  void finish() throws MetadataException {
    while (reader.getEventType() != END_DOCUMENT) {
      advance();
    }
  }

  /** The nesting depth of the current element: 1 for the root. */
  int depth() {
    return depth;
  }

  /**
   * Moves to the next child of the element at {@code parentDepth}: true on a child's start tag,
   * false on the parent's end tag. Text between children is ignored.
   */
  boolean nextChild(int parentDepth) throws MetadataException {
    while (true) {
      int event = advance();
      if (event == START_ELEMENT && depth == parentDepth + 1) {
        return true;
      }
      if (event == END_ELEMENT && depth == parentDepth - 1) {
        return false;
      }
    }
  }

  /**
   * Reads the text of the current element, trimmed; text inside nested elements is ignored (their
   * subtrees are skipped, still counted against the limits).
   */
  String text() throws MetadataException {
    int own = depth;
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = advance();
      if ((event == CHARACTERS || event == CDATA || event == SPACE) && depth == own) {
        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
      } else if (event == END_ELEMENT && depth == own - 1) {
        return text.toString().strip();
      }
    }
  }

  /** Skips the current element and its whole subtree. */
  void skip() throws MetadataException {
    int own = depth;
    while (!(advance() == END_ELEMENT && depth == own - 1)) {
      // Unknown or foreign content: walked (and bounded), never kept.
    }
  }

  /**
   * Reads the current element and its subtree as a fragment that stands alone: its exact text in
   * the body, with the namespace declarations it inherits re-declared on its tag (re-serialised if
   * its text cannot be located). The cursor is left on its end tag, as after {@link #skip}.
   *
   * @throws MetadataException TOO_LARGE when the fragments kept from one body, re-declarations
   *     included, pass {@link #maxKeptChars()}: a body that declares a long namespace once and uses
   *     it in many small elements must not multiply itself in memory
   */
  String captureElement() throws MetadataException {
    int ordinal = elements - 1;
    int own = depth;
    FragmentWriter fragment = new FragmentWriter(reader);
    fragment.take(START_ELEMENT);
    while (true) {
      int event = advance();
      fragment.take(event);
      if (event == END_ELEMENT && depth == own - 1) {
        break;
      }
    }
    if (rawIndex == null) {
      rawIndex = RawElementIndex.of(body, reader.getEncoding(), limits.maxElements());
    }
    String raw = rawIndex.element(ordinal, fragment.rootName());
    String kept = raw != null ? fragment.verbatim(raw) : fragment.serialised();
    keptChars += kept.length();
    if (keptChars > maxKeptChars()) {
      throw new MetadataException(
          Kind.TOO_LARGE,
          "metadata extension data comes to more than "
              + maxKeptChars()
              + " characters with its namespace declarations"
              + at(reader.getLocation())
              + "; the limit is twice the body limit");
    }
    return kept;
  }

  /** The most characters of extension data kept from one body: twice the body limit. */
  long maxKeptChars() {
    return 2L * limits.maxBytes();
  }

  String localName() {
    return reader.getLocalName();
  }

  /** The namespace URI of the current element, or null for none. */
  String namespaceUri() {
    return blankToNull(reader.getNamespaceURI());
  }

  /** True when the current element is in RFC 7865's namespace, the drafts', or none. */
  boolean inRecordingNamespace() {
    return RecordingXml.isRecordingNamespace(reader.getNamespaceURI());
  }

  /**
   * True when the current element is RFC 7865's {@code localName}. Case is ignored: SRCs write
   * {@code dataMode} for the schema's {@code datamode}, and no two names of the model differ only
   * in case.
   */
  boolean is(String localName) {
    return inRecordingNamespace() && localName.equalsIgnoreCase(reader.getLocalName());
  }

  /** {@code {namespace}name} of the current element, for messages; cut short. */
  String qualifiedName() {
    String namespace = reader.getNamespaceURI();
    String name = namespace == null || namespace.isEmpty() ? "" : "{" + namespace + "}";
    return Excerpt.of(name + reader.getLocalName());
  }

  /** An unqualified attribute of the current element, trimmed, or null when absent or blank. */
  String attribute(String name) {
    return blankToNull(reader.getAttributeValue(null, name));
  }

  /** The {@code xml:lang} of the current element, or null. */
  String language() {
    return blankToNull(reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang"));
  }

  /**
   * An attribute by its RFC 7865 name, else by its draft-era name ({@code id}, {@code session}), or
   * null.
   */
  String attribute(String name, String draftName) {
    String value = attribute(name);
    return value != null ? value : attribute(draftName);
  }

  /** An attribute the schema requires; absent or blank is MALFORMED, naming both. */
  String requiredAttribute(String name) throws MetadataException {
    return requiredAttribute(name, null);
  }

  /**
   * An attribute the schema requires, by its RFC 7865 name or else its draft-era name; absent or
   * blank is MALFORMED, naming the element and the RFC's attribute.
   */
  String requiredAttribute(String name, String draftName) throws MetadataException {
    String value = draftName == null ? attribute(name) : attribute(name, draftName);
    if (value == null) {
      throw malformedElement("lacks its " + name + " attribute; RFC 7865 requires it");
    }
    return value;
  }

  /** A MALFORMED refusal located at the current position. */
  MetadataException malformed(String what) {
    return new MetadataException(Kind.MALFORMED, what + at(reader.getLocation()));
  }

  /** A MALFORMED refusal of the current element: {@code <name> at 3:17 <problem>}. */
  MetadataException malformedElement(String problem) {
    return new MetadataException(
        Kind.MALFORMED,
        "<" + Excerpt.of(reader.getLocalName()) + ">" + at(reader.getLocation()) + " " + problem);
  }

  private int advance() throws MetadataException {
    int event;
    try {
      if (!reader.hasNext()) {
        throw malformed("metadata ended before its root element closed");
      }
      event = reader.next();
    } catch (XMLStreamException e) {
      Location where = e.getLocation() != null ? e.getLocation() : reader.getLocation();
      throw new MetadataException(
          Kind.MALFORMED,
          "metadata is not well-formed XML"
              + at(where)
              + ": "
              + Excerpt.ofDiagnostic(e.getMessage()),
          e);
    } catch (RuntimeException e) {
      // The JDK parser reports some broken encodings as unchecked exceptions; still bad input.
      throw new MetadataException(
          Kind.MALFORMED,
          "metadata is not well-formed XML"
              + at(reader.getLocation())
              + ": "
              + Excerpt.ofDiagnostic(e.getMessage()),
          e);
    }
    switch (event) {
      case START_ELEMENT -> enter();
      case END_ELEMENT -> depth--;
      case DTD, ENTITY_DECLARATION, NOTATION_DECLARATION ->
          // Refused before any entity can be referenced: no expansion, nothing fetched.
          throw new MetadataException(
              Kind.FORBIDDEN_CONSTRUCT, "DOCTYPE not allowed in recording metadata");
      case ENTITY_REFERENCE ->
          throw new MetadataException(
              Kind.FORBIDDEN_CONSTRUCT,
              "entity reference &"
                  + Excerpt.of(reader.getLocalName())
                  + "; not allowed in recording metadata"
                  + at(reader.getLocation())
                  + "; only XML's predefined entities and character references are");
      default -> {
        // Text, comments, processing instructions: the callers decide.
      }
    }
    return event;
  }

  private void enter() throws MetadataException {
    depth++;
    elements++;
    if (depth > limits.maxDepth()) {
      throw new MetadataException(
          Kind.TOO_DEEP,
          "metadata nests elements "
              + depth
              + " deep"
              + at(reader.getLocation())
              + "; the limit is "
              + limits.maxDepth());
    }
    if (elements > limits.maxElements()) {
      throw new MetadataException(
          Kind.TOO_LARGE,
          "metadata has more than "
              + limits.maxElements()
              + " elements"
              + at(reader.getLocation())
              + "; the limit is "
              + limits.maxElements());
    }
  }

  private static String at(Location location) {
    if (location == null || location.getLineNumber() < 1) {
      return "";
    }
    return " at " + location.getLineNumber() + ":" + Math.max(location.getColumnNumber(), 1);
  }

  private static String blankToNull(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
