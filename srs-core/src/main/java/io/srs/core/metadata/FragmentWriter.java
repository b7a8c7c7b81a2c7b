package io.srs.core.metadata;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.COMMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.PROCESSING_INSTRUCTION;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Follows the StAX events of one element's subtree to make it a fragment that stands alone: it
 * notes every namespace prefix the subtree uses but inherits from outside (so that {@code
 * <apkt:ucid>} taken out of its document still says what {@code apkt} means), and it writes an
 * equivalent serialisation for when the verbatim text cannot be located.
 */
final class FragmentWriter {
  private final XMLStreamReader reader;
  private final Deque<Set<String>> declaredInside = new ArrayDeque<>();
  private final Map<String, String> inherited = new LinkedHashMap<>();
  private final StringBuilder serialised = new StringBuilder();
  private String rootName;

  FragmentWriter(XMLStreamReader reader) {
    this.reader = reader;
  }

  /** The prefixed name of the fragment's root, as written in the document. */
  String rootName() {
    return rootName;
  }

  /** Takes the current event (the root's start tag first, its end tag last). */
  void take(int event) {
    switch (event) {
      case START_ELEMENT -> start();
      case END_ELEMENT -> {
        declaredInside.pop();
        serialised.append("</").append(qualifiedName()).append('>');
      }
      case CHARACTERS, SPACE -> escape(reader.getText(), false);
      case CDATA -> serialised.append("<![CDATA[").append(reader.getText()).append("]]>");
      case COMMENT -> serialised.append("<!--").append(reader.getText()).append("-->");
      case PROCESSING_INSTRUCTION -> {
        serialised.append("<?").append(reader.getPITarget());
        String data = reader.getPIData();
        if (data != null && !data.isEmpty()) {
          serialised.append(' ').append(data);
        }
        serialised.append("?>");
      }
      default -> {
        // Nothing else occurs inside an element.
      }
    }
  }

  /** {@code raw}, the element's own text, with the inherited declarations added to its tag. */
  String verbatim(String raw) {
    return withDeclarations(raw);
  }

  /** The re-serialised element, with the inherited declarations added to its tag. */
  String serialised() {
    return withDeclarations(serialised.toString());
  }

  private void start() {
    String name = qualifiedName();
    if (rootName == null) {
      rootName = name;
    }
    Set<String> declared = new HashSet<>();
    serialised.append('<').append(name);
    for (int i = 0; i < reader.getNamespaceCount(); i++) {
      String prefix = nullToEmpty(reader.getNamespacePrefix(i));
      declared.add(prefix);
      appendDeclaration(serialised, prefix, nullToEmpty(reader.getNamespaceURI(i)));
    }
    declaredInside.push(declared);
    String uri = nullToEmpty(reader.getNamespaceURI());
    if (!uri.isEmpty()) {
      note(nullToEmpty(reader.getPrefix()), uri);
    }
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String prefix = nullToEmpty(reader.getAttributePrefix(i));
      if (!prefix.isEmpty()) {
        note(prefix, nullToEmpty(reader.getAttributeNamespace(i)));
        serialised.append(' ').append(prefix).append(':');
      } else {
        serialised.append(' ');
      }
      serialised.append(reader.getAttributeLocalName(i)).append("=\"");
      escape(reader.getAttributeValue(i), true);
      serialised.append('"');
    }
    serialised.append('>');
  }

  /** A prefix in use: inherited unless an element of the fragment on the path declares it. */
  private void note(String prefix, String uri) {
    if (XMLConstants.XML_NS_PREFIX.equals(prefix)) {
      return;
    }
    for (Set<String> declared : declaredInside) {
      if (declared.contains(prefix)) {
        return;
      }
    }
    inherited.putIfAbsent(prefix, uri);
  }

  private String withDeclarations(String element) {
    if (inherited.isEmpty() || rootName == null || !element.startsWith("<" + rootName)) {
      return element;
    }
    StringBuilder declarations = new StringBuilder();
    inherited.forEach((prefix, uri) -> appendDeclaration(declarations, prefix, uri));
    int at = 1 + rootName.length();
    return element.substring(0, at) + declarations + element.substring(at);
  }

  private static void appendDeclaration(StringBuilder out, String prefix, String uri) {
    out.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
    escapeInto(out, uri, true);
    out.append('"');
  }

  private String qualifiedName() {
    String prefix = reader.getPrefix();
    return prefix == null || prefix.isEmpty()
        ? reader.getLocalName()
        : prefix + ":" + reader.getLocalName();
  }

  private void escape(String text, boolean attribute) {
    escapeInto(serialised, text, attribute);
  }

  private static void escapeInto(StringBuilder out, String text, boolean attribute) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> out.append(c);
      }
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
