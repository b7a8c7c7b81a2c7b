package io.srs.core.fields;

import io.srs.core.metadata.MetadataStream;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.ParticipantStreamAssociation;
import io.srs.core.metadata.RecordingMetadata;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The state of one {@link ProfileFieldExtractor#extract} call: the raw bodies it considers, each
 * parsed once, latest first; what conditions and rules read from them. Confined to one thread.
 */
final class Extraction {
  private final FieldSources sources;
  private final XPathSupport xpath;
  private final Map<String, Pattern> patterns;
  private final int maxValueChars;
  private final List<Document> documents;
  private Set<String> namespaces;
  private Set<String> localNames;

  Extraction(
      FieldSources sources,
      HardenedXml xml,
      XPathSupport xpath,
      Map<String, Pattern> patterns,
      ExtractionLimits limits) {
    this.sources = sources;
    this.xpath = xpath;
    this.patterns = patterns;
    this.maxValueChars = limits.maxValueChars();
    this.documents = parseLatestFirst(sources.rawMetadata(), xml, limits);
  }

  boolean matches(MatchCondition condition) {
    return switch (condition.kind()) {
      case HEADER -> headerMatches(condition);
      case NAMESPACE -> namespaceMatches(condition);
      case ROOT -> rootMatches(condition.name());
      case ELEMENT -> {
        scan();
        yield localNames.contains(condition.name());
      }
    };
  }

  /** The value the rule finds, cleaned by its regex, or null. Never throws. */
  String read(FieldRule rule) {
    try {
      String raw =
          switch (rule.source()) {
            case HEADER -> header(rule.argument());
            case XPATH -> firstXPathValue(rule.argument());
            case PARTICIPANT_AOR -> participantAor(rule.position());
            case SENDER_AOR -> senderAor(rule.position());
            case FROM_URI -> sources.fromUri();
            case TO_URI -> sources.toUri();
          };
      return clean(raw, rule.regex());
    } catch (RuntimeException e) {
      // A rule that cannot read this call finds nothing; the next rule is tried.
      return null;
    }
  }

  private String clean(String raw, String regex) {
    if (raw == null) {
      return null;
    }
    String value = raw.strip();
    if (value.isEmpty() || value.length() > maxValueChars) {
      return null;
    }
    if (regex != null) {
      Matcher matcher = patterns.get(regex).matcher(value);
      if (!matcher.find()) {
        return null;
      }
      String group = matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group();
      value = group == null ? "" : group.strip();
    }
    return value.isEmpty() ? null : value;
  }

  private String header(String lowerName) {
    for (String value : headerValues(lowerName)) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private List<String> headerValues(String lowerName) {
    Map<String, List<String>> headers = sources.headers();
    List<String> values = headers.get(lowerName);
    if (values == null) {
      // The contract says names are lower case; tolerate a caller that forgot.
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(lowerName)) {
          values = entry.getValue();
          break;
        }
      }
    }
    return values == null ? List.of() : values;
  }

  private String firstXPathValue(String expression) {
    for (Document document : documents) {
      String value = xpath.evaluate(expression, document);
      if (value != null && !value.isBlank() && value.strip().length() <= maxValueChars) {
        return value;
      }
    }
    return null;
  }

  private String participantAor(int position) {
    RecordingMetadata metadata = sources.metadata();
    if (metadata == null || position > metadata.participants().size()) {
      return null;
    }
    return metadata.participants().get(position - 1).primaryAor();
  }

  /** RFC 7865 §6.9: the participant whose {@code send} names the n-th stream. */
  private String senderAor(int position) {
    RecordingMetadata metadata = sources.metadata();
    if (metadata == null || position > metadata.streams().size()) {
      return null;
    }
    MetadataStream stream = metadata.streams().get(position - 1);
    for (ParticipantStreamAssociation assoc : metadata.participantStreams()) {
      if (assoc.send().contains(stream.id())) {
        String aor =
            metadata.participant(assoc.participantId()).map(Participant::primaryAor).orElse(null);
        if (aor != null && !aor.isBlank()) {
          return aor;
        }
      }
    }
    return null;
  }

  private boolean headerMatches(MatchCondition condition) {
    String regex = condition.regex();
    if (regex == null) {
      return header(condition.name()) != null;
    }
    List<String> values = headerValues(condition.name());
    Pattern pattern = patterns.get(regex);
    for (String value : values) {
      if (value != null && value.length() <= maxValueChars && pattern.matcher(value).find()) {
        return true;
      }
    }
    return false;
  }

  private boolean namespaceMatches(MatchCondition condition) {
    scan();
    Set<String> used = namespaces;
    if (condition.regex() == null) {
      return used.contains(condition.name());
    }
    Pattern pattern = patterns.get(condition.regex());
    for (String uri : used) {
      if (pattern.matcher(uri).find()) {
        return true;
      }
    }
    return false;
  }

  private boolean rootMatches(String localName) {
    for (Document document : documents) {
      Element root = document.getDocumentElement();
      if (root != null && localName.equals(root.getLocalName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Collects, once, every namespace an element or attribute is in or an {@code xmlns} attribute
   * declares, and every element's local name.
   */
  private void scan() {
    if (namespaces != null) {
      return;
    }
    Set<String> found = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Document document : documents) {
      Deque<Node> pending = new ArrayDeque<>();
      if (document.getDocumentElement() != null) {
        pending.push(document.getDocumentElement());
      }
      while (!pending.isEmpty()) {
        Node node = pending.pop();
        if (node instanceof Element element) {
          addIfPresent(found, element.getNamespaceURI());
          addIfPresent(names, element.getLocalName());
          NamedNodeMap attributes = element.getAttributes();
          for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
              addIfPresent(found, attr.getValue());
            } else {
              addIfPresent(found, attr.getNamespaceURI());
            }
          }
          for (Node child = element.getFirstChild();
              child != null;
              child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
              pending.push(child);
            }
          }
        }
      }
    }
    namespaces = found;
    localNames = names;
  }

  private static void addIfPresent(Set<String> set, String uri) {
    if (uri != null && !uri.isBlank()) {
      set.add(uri.strip());
    }
  }

  /** The last bodies first (updates win), within the count and byte bounds. */
  private static List<Document> parseLatestFirst(
      List<byte[]> bodies, HardenedXml xml, ExtractionLimits limits) {
    List<Document> parsed = new ArrayList<>();
    if (bodies == null) {
      return parsed;
    }
    long total = 0;
    int considered = 0;
    for (int i = bodies.size() - 1; i >= 0 && considered < limits.maxBodies(); i--) {
      byte[] body = bodies.get(i);
      if (body == null || body.length == 0) {
        continue;
      }
      considered++;
      if (total + body.length > limits.maxTotalBytes()) {
        continue;
      }
      total += body.length;
      Document document = xml.parse(body);
      if (document != null) {
        parsed.add(document);
      }
    }
    return parsed;
  }
}
