package io.srs.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document of the dialect corpus (one per SRC family, written for these tests from public
 * descriptions of what each sends) gives the participants, labels, senders, group and extension
 * data it holds.
 */
class MetadataCorpusTest {
  private final MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);

  /**
   * What one corpus document must become.
   *
   * @param senders label to the ids of the participants sending on it, labels in stream order
   * @param extensions {@code parent|localName} of each kept extension, in document order
   */
  record Expected(
      String file,
      DataMode dataMode,
      List<String> participants,
      Map<String, List<String>> senders,
      String groupId,
      List<String> extensions) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Expected> corpus() {
    return Stream.of(
        new Expected(
            "rfc7865-full.xml",
            DataMode.COMPLETE,
            List.of("Y2FsbGVyLTAwMDE=", "YWdlbnQtMDA0Mg=="),
            senders("0", "YWdlbnQtMDA0Mg==", "10", "Y2FsbGVyLTAwMDE="),
            "Zm9vYmFyZ3JvdXAxMjM0NQ==",
            List.of("Y2FsbGVyLTAwMDE=|customer", "null|extensiondata")),
        new Expected(
            "audiocodes-tns.xml",
            DataMode.COMPLETE,
            List.of("+12025550143", "7001"),
            senders("1", "+12025550143", "2", "7001"),
            null,
            List.of("7b2f4e0c9a1d4c3e|AvayaUCID", "null|GenesysUUID")),
        new Expected(
            "acme-packet-draft.xml",
            DataMode.COMPLETE,
            List.of("Lr7kHjd5Qw2Xe0Yq9pZa1g==", "Vq2nB8sYTIO5cWkR3uJd0A=="),
            senders(
                "301744512", "Lr7kHjd5Qw2Xe0Yq9pZa1g==", "301744513", "Vq2nB8sYTIO5cWkR3uJd0A=="),
            null,
            List.of(
                "Lr7kHjd5Qw2Xe0Yq9pZa1g==|extensiondata",
                "Vq2nB8sYTIO5cWkR3uJd0A==|extensiondata",
                "null|ucid",
                "null|callerOrig")),
        new Expected(
            "audiocodes-legacy.xml",
            DataMode.COMPLETE,
            List.of("1056", "2000"),
            senders("1", "1056", "2", "2000"),
            null,
            List.of("0000-0000-0000-0000-b44497aaf9597f7f|AvayaUCID")),
        new Expected(
            "broadworks.xml",
            DataMode.COMPLETE,
            List.of("bw-p-agent", "bw-p-caller"),
            senders("1", "bw-p-agent", "2", "bw-p-caller"),
            "bw-group-4711@as.example.com",
            List.of("bw-session-1|extensiondata", "bw-p-agent|extensiondata")),
        new Expected(
            "cisco-cube.xml",
            DataMode.COMPLETE,
            List.of("9tXRdeWdEeqAAAAAbXp1kQ==", "9tXRdeWdEeqAAAAAbXp1kg=="),
            senders("1", "9tXRdeWdEeqAAAAAbXp1kQ==", "2", "9tXRdeWdEeqAAAAAbXp1kg=="),
            null,
            List.of("9tXRdeWdEeqAAAAAbXp1kA==|callData", "null|extensiondata")),
        new Expected(
            "ribbon-sbc.xml",
            DataMode.COMPLETE,
            List.of("UkJCTi1QLUE=", "UkJCTi1QLUI="),
            senders("0", "UkJCTi1QLUE=", "1", "UkJCTi1QLUI="),
            "UkJCTi1HQ0lELTAwOUE3RjEy",
            List.of("UkJCTi1TRVNTSU9OLTAwMDE=|gcid")),
        new Expected(
            "opensips.xml",
            DataMode.COMPLETE,
            List.of("0d6f2a44-aaaa-4bbb-8ccc-000000000001", "0d6f2a44-aaaa-4bbb-8ccc-000000000002"),
            senders(
                "1",
                "0d6f2a44-aaaa-4bbb-8ccc-000000000001",
                "2",
                "0d6f2a44-aaaa-4bbb-8ccc-000000000002"),
            "6a1c0c2e-5b0e-4f8c-9c5d-7f3b1a2e4d60",
            List.of(
                "6a1c0c2e-5b0e-4f8c-9c5d-7f3b1a2e4d60|tenant",
                "c1b8a3d2-0f4e-4a6b-8c9d-1e2f3a4b5c6d|callinfo")),
        new Expected(
            "netsapiens-leg1.xml",
            DataMode.COMPLETE,
            List.of("caller-5551234", "agent-a"),
            senders("1", "caller-5551234", "2", "agent-a"),
            "ns-group-20240701-130000-5551234",
            List.of("ns-session-leg1|orig_callid")),
        new Expected(
            "netsapiens-leg2.xml",
            DataMode.COMPLETE,
            List.of("caller-5551234", "agent-b"),
            senders("1", "caller-5551234", "2", "agent-b"),
            "ns-group-20240701-130000-5551234",
            List.of("ns-session-leg2|orig_callid")),
        new Expected(
            "jambonz.xml",
            DataMode.COMPLETE,
            List.of(
                "3c9f0d8e-1a2b-4c5d-8e9f-a0b1c2d3e4f5-p1",
                "3c9f0d8e-1a2b-4c5d-8e9f-a0b1c2d3e4f5-p2"),
            senders(
                "1",
                "3c9f0d8e-1a2b-4c5d-8e9f-a0b1c2d3e4f5-p1",
                "2",
                "3c9f0d8e-1a2b-4c5d-8e9f-a0b1c2d3e4f5-p2"),
            null,
            List.of("null|callSid")),
        new Expected(
            "avaya-sbce.xml",
            DataMode.COMPLETE,
            List.of("QVZBWUEtUC0x", "QVZBWUEtUC0y"),
            senders("1", "QVZBWUEtUC0x", "2", "QVZBWUEtUC0y"),
            null,
            List.of("null|extensiondata")),
        new Expected(
            "case-and-time-variants.xml",
            DataMode.PARTIAL,
            List.of("agent", "caller"),
            senders("a_leg", "agent", "b_leg", "caller"),
            "grp-1",
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachDialectGivesItsParticipantsLabelsAndSenders(Expected expected) throws Exception {
    RecordingMetadata metadata = parser.parse(Documents.corpus(expected.file()));

    assertThat(metadata.dataMode()).isEqualTo(expected.dataMode());
    assertThat(metadata.participants())
        .extracting(Participant::id)
        .containsExactlyElementsOf(expected.participants());
    assertThat(metadata.streams())
        .extracting(MetadataStream::label)
        .containsExactlyElementsOf(expected.senders().keySet());
    for (Map.Entry<String, List<String>> label : expected.senders().entrySet()) {
      assertThat(metadata.sendersOnLabel(label.getKey()))
          .as("senders on label %s", label.getKey())
          .extracting(Participant::id)
          .containsExactlyElementsOf(label.getValue());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachDialectGivesItsGroupIdAndExtensionData(Expected expected) throws Exception {
    RecordingMetadata metadata = parser.parse(Documents.corpus(expected.file()));

    assertThat(metadata.groupId()).isEqualTo(expected.groupId());
    assertThat(metadata.extensions())
        .extracting(e -> e.parent() + "|" + e.name())
        .containsExactlyElementsOf(expected.extensions());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyExtensionIsTheDocumentsOwnTextAndStandsAlone(Expected expected) throws Exception {
    byte[] body = Documents.corpus(expected.file());
    String text = new String(body, StandardCharsets.UTF_8);

    for (ExtensionData extension : parser.parse(body).extensions()) {
      String afterStartTag = extension.xml().substring(extension.xml().indexOf('>') + 1);
      assertThat(text).contains(afterStartTag);
      XMLStreamReader fragment =
          XMLInputFactory.newDefaultFactory()
              .createXMLStreamReader(new StringReader(extension.xml()));
      assertThat(fragment.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
      assertThat(fragment.getLocalName()).isEqualTo(extension.name());
      assertThat(emptyToNull(fragment.getNamespaceURI())).isEqualTo(extension.namespace());
      while (fragment.hasNext()) {
        fragment.next(); // well-formed and every prefix bound, or this throws
      }
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** {@code label, senderId, label, senderId…}, one sender per label. */
  private static Map<String, List<String>> senders(String... pairs) {
    Map<String, List<String>> senders = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      senders.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return senders;
  }
}
