package io.srs.core.metadata;

import static io.srs.core.metadata.Documents.recording;
import static io.srs.core.metadata.Documents.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.metadata.MetadataException.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the RFC 7865 model and the dialect quirks the corpus test does not spell out. */
class MetadataDialectTest {
  private final MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);

  @Test
  void groupSessionTimesAndSessionAssociationsAreRead() throws MetadataException {
    RecordingMetadata metadata = parser.parse(Documents.corpus("rfc7865-full.xml"));

    assertThat(metadata.groups())
        .containsExactly(
            new MetadataGroup(
                "Zm9vYmFyZ3JvdXAxMjM0NQ==", Instant.parse("2024-03-05T09:15:00Z"), null));
    assertThat(metadata.sessions().get(0).startTime())
        .isEqualTo(Instant.parse("2024-03-05T09:15:00Z"));
    assertThat(metadata.sessions().get(0).stopTime())
        .isEqualTo(Instant.parse("2024-03-05T09:21:30.500Z"));
    assertThat(metadata.sessionRecordings())
        .containsExactly(
            new SessionRecordingAssociation(
                "c2Vzc2lvbi0wMDAwMDAwMQ==", Instant.parse("2024-03-05T09:15:00Z"), null));
    assertThat(metadata.participantSessions())
        .extracting(ParticipantSessionAssociation::participantId)
        .containsExactly("Y2FsbGVyLTAwMDE=", "YWdlbnQtMDA0Mg==");
    assertThat(metadata.participantStreams().get(1).associateTime())
        .isEqualTo(Instant.parse("2024-03-05T09:15:02Z"));
  }

  @Test
  void draftParticipantsBecomeSessionAndStreamAssociations() throws MetadataException {
    RecordingMetadata metadata = parser.parse(Documents.corpus("acme-packet-draft.xml"));
    Instant joined = Instant.parse("2023-11-20T14:02:11Z");

    assertThat(metadata.participantSessions())
        .contains(
            new ParticipantSessionAssociation(
                "Vq2nB8sYTIO5cWkR3uJd0A==", "mH3WhJiUQz6+9a4yVLhAsw==", joined, null));
    assertThat(metadata.participantStreams())
        .contains(
            new ParticipantStreamAssociation(
                "Vq2nB8sYTIO5cWkR3uJd0A==",
                List.of("a9Pq1sUeT7mQ0dW3nL5kRg=="),
                List.of("f0Ojm2xRTo2jYx4lq7bV8A=="),
                joined,
                null));
    assertThat(metadata.streams().get(0))
        .isEqualTo(
            new MetadataStream(
                "f0Ojm2xRTo2jYx4lq7bV8A==", "mH3WhJiUQz6+9a4yVLhAsw==", "301744512"));
  }

  @Test
  void draftSessionTimesBecomeASessionRecordingAssociation() throws MetadataException {
    RecordingMetadata metadata = parser.parse(Documents.corpus("audiocodes-legacy.xml"));

    assertThat(metadata.sessionRecordings())
        .containsExactly(
            new SessionRecordingAssociation(
                "0000-0000-0000-0000-b44497aaf9597f7f",
                Instant.parse("2019-06-11T10:20:30Z"),
                null));
  }

  @Test
  void timesInEveryShapeAreReadAndAnUnreadableOneIsNull() throws MetadataException {
    RecordingMetadata metadata = parser.parse(Documents.corpus("case-and-time-variants.xml"));

    assertThat(metadata.groups().get(0).associateTime()).isEqualTo(Instant.EPOCH);
    assertThat(metadata.sessions().get(0).startTime())
        .isEqualTo(Instant.parse("2020-05-06T07:08:09Z"));
    assertThat(metadata.sessions().get(0).stopTime()).isNull();
    assertThat(metadata.participantSessions().get(0).associateTime())
        .isEqualTo(Instant.parse("2020-05-06T07:08:09.250Z"));
    assertThat(metadata.participantStreams())
        .extracting(ParticipantStreamAssociation::associateTime)
        .containsExactly(
            Instant.parse("2020-05-06T05:08:09.500Z"), Instant.parse("2020-05-06T06:08:10Z"));
  }

  @Test
  void anExtensionDeclaringItsOwnNamespaceIsKeptByteForByte() throws MetadataException {
    RecordingMetadata metadata = parser.parse(Documents.corpus("rfc7865-full.xml"));

    assertThat(metadata.extensionsOf("Y2FsbGVyLTAwMDE="))
        .extracting(ExtensionData::xml)
        .containsExactly(
            "<crm:customer xmlns:crm=\"http://crm.example.com/ns\" tier=\"gold\">C-77"
                + "</crm:customer>");
  }

  @Test
  void aBareVendorElementGetsTheNamespaceItInheritedFromTheRoot() throws MetadataException {
    RecordingMetadata metadata = parser.parse(Documents.corpus("acme-packet-draft.xml"));

    assertThat(metadata.extensionsOf(null).get(0))
        .isEqualTo(
            new ExtensionData(
                null,
                "http://acmepacket.com/siprec/extensiondata",
                "ucid",
                "<apkt:ucid xmlns:apkt=\"http://acmepacket.com/siprec/extensiondata\">"
                    + "00FA080018803B69810C1F;encoding=hex</apkt:ucid>"));
  }

  @Test
  void broadWorksExtensionDataKeepsItsParentAndBothNamespaces() throws MetadataException {
    RecordingMetadata metadata = parser.parse(Documents.corpus("broadworks.xml"));

    assertThat(metadata.extensionsOf("bw-p-agent"))
        .extracting(ExtensionData::xml)
        .containsExactly(
            "<extensiondata xmlns=\"urn:ietf:params:xml:ns:siprec\""
                + " xmlns:bwrc=\"http://schema.broadsoft.com/recording\" parent=\"bw-p-agent\">\n"
                + "    <bwrc:groupID>SupportGroup</bwrc:groupID>\n"
                + "  </extensiondata>");
  }

  @Test
  void extensionTextKeepsEntitiesCommentsCdataAndLineEndsAsSent() throws MetadataException {
    String extension =
        "<v:x a='1 &gt; 0'>\r\n  <!-- note --><![CDATA[<raw>]]>&amp;&#x263A;<v:y/>\r\n</v:x>";
    RecordingMetadata metadata =
        parser.parse(
            utf8(
                "<recording xmlns='urn:ietf:params:xml:ns:recording:1' xmlns:v='urn:v'>"
                    + extension
                    + "</recording>"));

    assertThat(metadata.extensions().get(0).xml())
        .isEqualTo(
            "<v:x xmlns:v=\"urn:v\" a='1 &gt; 0'>\r\n  <!-- note --><![CDATA[<raw>]]>"
                + "&amp;&#x263A;<v:y/>\r\n</v:x>");
  }

  @Test
  void extensionsOfAUtf16DocumentAreKeptAsText() throws MetadataException {
    byte[] body =
        "\uFEFF<recording><n:id xmlns:n='urn:n'>\u00e9\u263A</n:id></recording>"
            .getBytes(StandardCharsets.UTF_16LE);

    assertThat(parser.parse(body).extensions().get(0).xml())
        .isEqualTo("<n:id xmlns:n='urn:n'>\u00e9\u263A</n:id>");
  }

  @Test
  void extensionsInsideNameIdBelongToTheParticipant() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            recording(
                "<participant participant_id='p'><nameID aor='sip:p@x'>"
                    + "<v:tag xmlns:v='urn:v'>1</v:tag></nameID></participant>"));

    assertThat(metadata.extensionsOf("p")).extracting(ExtensionData::name).containsExactly("tag");
  }

  @Test
  void unknownElementsOfTheRecordingNamespaceAreNotExtensions() throws MetadataException {
    RecordingMetadata metadata = parser.parse(recording("<channel>1</channel><role>agent</role>"));

    assertThat(metadata.extensions()).isEmpty();
  }

  @Test
  void elementNamesAreMatchedWhateverTheirCase() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            recording(
                "<Participant participant_id='p'><NameID aor='sip:p@x'/></Participant>"
                    + "<Stream stream_id='s'><Label>1</Label></Stream>"
                    + "<ParticipantStreamAssoc participant_id='p'><Send>s</Send>"
                    + "</ParticipantStreamAssoc>"));

    assertThat(metadata.sendersOnLabel("1")).extracting(Participant::id).containsExactly("p");
  }

  @Test
  void aRootInBroadWorksNamespaceWithTheRfcNameIsAlsoRead() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            utf8(
                "<recording xmlns='urn:ietf:params:xml:ns:siprec'>"
                    + "<session id='s'/></recording>"));

    assertThat(metadata.sessions()).extracting(MetadataSession::id).containsExactly("s");
  }

  @Test
  void draftIdsAreReadButAMissingIdStillNamesTheRfcAttribute() {
    assertThatThrownBy(() -> parser.parse(recording("<group/>")))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("<group> at ")
        .hasMessageContaining("lacks its group_id attribute");
  }

  @Test
  void extensionsThatRedeclareALongNamespaceManyTimesAreRefusedAsTooLarge() {
    // 900 characters: the JDK parser itself refuses much longer names and values.
    String uri = "urn:" + "x".repeat(896);
    StringBuilder body =
        new StringBuilder("<recording xmlns='urn:ietf:params:xml:ns:recording:1' xmlns:v='")
            .append(uri)
            .append("'>");
    body.append("<v:a/>".repeat(200)).append("</recording>");

    assertThatThrownBy(() -> parser.parse(utf8(body.toString())))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("extension data comes to more than 131072 characters")
        .extracting(e -> ((MetadataException) e).kind())
        .isEqualTo(Kind.TOO_LARGE);
  }
}
