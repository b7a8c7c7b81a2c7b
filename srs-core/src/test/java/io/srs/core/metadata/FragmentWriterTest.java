package io.srs.core.metadata;

import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** The fallback when an element's own text cannot be located, and the lexical index itself. */
class FragmentWriterTest {

  @Test
  void theSerialisedFragmentStandsAloneAndSaysTheSame() throws XMLStreamException {
    XMLStreamReader reader =
        XMLInputFactory.newDefaultFactory()
            .createXMLStreamReader(
                new StringReader(
                    "<r xmlns:v='urn:v' xmlns='urn:d'><v:x v:a='1&quot;' b='&lt;'>"
                        + "t&amp;<!--c--><![CDATA[d]]><y xmlns='urn:y'/><z/></v:x></r>"));
    reader.nextTag();
    reader.nextTag();
    FragmentWriter fragment = new FragmentWriter(reader);
    int depth = 0;
    for (int event = START_ELEMENT; ; event = reader.next()) {
      fragment.take(event);
      depth += event == START_ELEMENT ? 1 : event == END_ELEMENT ? -1 : 0;
      if (depth == 0) {
        break;
      }
    }

    // The JDK reports CDATA as plain text unless asked otherwise; the text is the same.
    assertThat(fragment.serialised())
        .isEqualTo(
            "<v:x xmlns:v=\"urn:v\" xmlns=\"urn:d\" v:a=\"1&quot;\" b=\"&lt;\">t&amp;<!--c-->"
                + "d<y xmlns=\"urn:y\"></y><z></z></v:x>");
  }

  @Test
  void theIndexFindsElementsInDocumentOrderAndRefusesAWrongName() {
    byte[] body =
        "<?xml version='1.0'?><!-- <no> --><r a='>'><a/><b x=\"/>\"><![CDATA[<c>]]></b></r>"
            .getBytes(StandardCharsets.UTF_8);
    RawElementIndex index = RawElementIndex.of(body, "UTF-8", 100);

    assertThat(index.element(1, "a")).isEqualTo("<a/>");
    assertThat(index.element(2, "b")).isEqualTo("<b x=\"/>\"><![CDATA[<c>]]></b>");
    assertThat(index.element(2, "c")).isNull();
    assertThat(index.element(3, "c")).isNull();
  }

  @Test
  void anUnknownEncodingGivesAnEmptyIndexNotAnError() {
    RawElementIndex index =
        RawElementIndex.of("<r/>".getBytes(StandardCharsets.UTF_8), "x-no-such-charset", 10);

    assertThat(index.element(0, "r")).isNull();
  }
}
