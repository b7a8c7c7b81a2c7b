package io.srs.core.metadata;

import static io.srs.core.metadata.Documents.recording;
import static io.srs.core.metadata.Documents.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.metadata.MetadataException.Kind;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the parser reads from well-formed documents, in the dialects SRCs send. */
class MetadataParserTest {
  private final MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);

  @Test
  void prefixedNamespaceFromAnSbcIsRead() throws MetadataException {
    RecordingMetadata metadata = parser.parse(Documents.resource("sbc-two-party.xml"));

    assertThat(metadata.dataMode()).isEqualTo(DataMode.COMPLETE);
    assertThat(metadata.sessions())
        .extracting(MetadataSession::id)
        .containsExactly("0f9c6a52-3f1e-4c1b-9a7e-2d8b5c4e1a00");
    assertThat(metadata.participants())
        .containsExactly(
            new Participant(
                "+4930123456",
                List.of(new NameId("sip:+4930123456@sbc.example.com", "Erika Mustermann", "de"))),
            new Participant(
                "agent-4711", List.of(new NameId("sip:4711@pbx.example.com", null, null))));
    assertThat(metadata.streams()).extracting(MetadataStream::label).containsExactly("1", "2");
  }

  @Test
  void callerAndAgentAreFoundByTheLabelTheySendOn() throws MetadataException {
    RecordingMetadata metadata = parser.parse(Documents.resource("sbc-two-party.xml"));

    assertThat(metadata.sendersOnLabel("1"))
        .extracting(Participant::primaryAor)
        .containsExactly("sip:+4930123456@sbc.example.com");
    assertThat(metadata.sendersOnLabel("2"))
        .extracting(Participant::id)
        .containsExactly("agent-4711");
    assertThat(metadata.sendersOnLabel("3")).isEmpty();
  }

  @Test
  void sendAndRecvAreMappedToTheirOwnLists() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            recording(
                "<participantstreamassoc participant_id='p1'>"
                    + "<recv> r1 </recv><send>s1</send><recv>r2</recv><send>s2</send>"
                    + "</participantstreamassoc>"));

    assertThat(metadata.participantStreams())
        .containsExactly(
            new ParticipantStreamAssociation("p1", List.of("s1", "s2"), List.of("r1", "r2")));
  }

  @Test
  void aParticipantWhoOnlyReceivesIsNotASenderOnTheLabel() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            recording(
                "<participant participant_id='a'><nameID aor='sip:a@x'/></participant>"
                    + "<participant participant_id='b'><nameID aor='sip:b@x'/></participant>"
                    + "<stream stream_id='s1'><label>7</label></stream>"
                    + "<participantstreamassoc participant_id='a'><send>s1</send>"
                    + "</participantstreamassoc>"
                    + "<participantstreamassoc participant_id='b'><recv>s1</recv>"
                    + "</participantstreamassoc>"));

    assertThat(metadata.sendersOnLabel("7")).extracting(Participant::id).containsExactly("a");
  }

  @Test
  void draftNamespaceIsAccepted() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            utf8(
                "<recording xmlns='urn:ietf:params:xml:ns:recording'>"
                    + "<dataMode>partial</dataMode>"
                    + "<participant participant_id='p'><nameID aor='sip:p@x'/></participant>"
                    + "</recording>"));

    assertThat(metadata.dataMode()).isEqualTo(DataMode.PARTIAL);
    assertThat(metadata.participants()).extracting(Participant::id).containsExactly("p");
  }

  @Test
  void documentWithoutNamespaceIsAccepted() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            utf8(
                "<recording><stream stream_id='s' session_id='c'><label>1</label></stream></recording>"));

    assertThat(metadata.streams()).containsExactly(new MetadataStream("s", "c", "1"));
  }

  @Test
  void dataModeValueIsCaseInsensitive() throws MetadataException {
    assertThat(parser.parse(recording("<datamode> PARTIAL </datamode>")).dataMode())
        .isEqualTo(DataMode.PARTIAL);
  }

  @Test
  void absentDataModeMeansComplete() throws MetadataException {
    assertThat(parser.parse(recording("")).dataMode()).isEqualTo(DataMode.COMPLETE);
  }

  @Test
  void unknownDataModeIsMalformedAndSaysWhatWasExpected() {
    assertThatThrownBy(() -> parser.parse(recording("<datamode>sometimes</datamode>")))
        .isInstanceOf(MetadataException.class)
        .hasMessage("<datamode> at 1:85 is 'sometimes'; expected 'complete' or 'partial'")
        .extracting(e -> ((MetadataException) e).kind())
        .isEqualTo(Kind.MALFORMED);
  }

  @Test
  void unknownElementsAndTheirSubtreesAreSkipped() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            recording(
                "<future-thing><participant participant_id='hidden'/></future-thing>"
                    + "<participant participant_id='p'>"
                    + "<nameID aor='sip:p@x'><avatar><name>not a name</name></avatar>"
                    + "<name>Pat</name></nameID><unknown/></participant>"));

    assertThat(metadata.participants())
        .containsExactly(new Participant("p", List.of(new NameId("sip:p@x", "Pat", null))));
  }

  @Test
  void elementsOfOtherNamespacesAreExtensionDataAndSkipped() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            recording(
                "<x:participant xmlns:x='http://vendor.example.com' participant_id='vendor'/>"
                    + "<stream stream_id='s'><x:label xmlns:x='http://vendor.example.com'>9"
                    + "</x:label><label>1</label></stream>"));

    assertThat(metadata.participants()).isEmpty();
    assertThat(metadata.streams()).containsExactly(new MetadataStream("s", null, "1"));
  }

  @Test
  void textIsTrimmedAndEntitiesAndCdataAreRead() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            recording(
                "<participant participant_id=' p1 '><nameID aor=' sip:a@x '>"
                    + "<name>\n  Smith &amp; Jones &#x263A; <![CDATA[<Ltd>]]>\n</name>"
                    + "</nameID></participant>"));

    assertThat(metadata.participants())
        .containsExactly(
            new Participant(
                "p1", List.of(new NameId("sip:a@x", "Smith & Jones \u263A <Ltd>", null))));
  }

  @Test
  void idsAreKeptAsSentWhateverTheirShape() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            recording(
                "<session session_id='+14155550100'/>"
                    + "<session session_id='6f1e2d3c-0000-4000-8000-00000000abcd'/>"
                    + "<session session_id='DEADbeef0042'/>"));

    assertThat(metadata.sessions())
        .extracting(MetadataSession::id)
        .containsExactly("+14155550100", "6f1e2d3c-0000-4000-8000-00000000abcd", "DEADbeef0042");
  }

  @Test
  void firstNonEmptyNameOfANameIdWins() throws MetadataException {
    RecordingMetadata metadata =
        parser.parse(
            recording(
                "<participant participant_id='p'><nameID aor='sip:p@x'>"
                    + "<name xml:lang='en'> </name><name xml:lang='fr'>Paul</name>"
                    + "<name xml:lang='it'>Paolo</name></nameID></participant>"));

    assertThat(metadata.participants().get(0).nameIds())
        .containsExactly(new NameId("sip:p@x", "Paul", "fr"));
  }

  @Test
  void missingParticipantIdIsMalformedNamingElementAndAttribute() {
    assertThatThrownBy(() -> parser.parse(recording("\n<participant/>")))
        .isInstanceOf(MetadataException.class)
        .hasMessage(
            "<participant> at 2:15 lacks its participant_id attribute; RFC 7865 requires it");
  }

  @Test
  void missingIdsOfEveryFamilyAreMalformed() {
    assertThat(refusal(recording("<session/>")).getMessage()).contains("<session>", "session_id");
    assertThat(refusal(recording("<stream/>")).getMessage()).contains("<stream>", "stream_id");
    assertThat(refusal(recording("<participant participant_id='p'><nameID/></participant>")))
        .hasMessageContaining("<nameID> at ")
        .hasMessageContaining("lacks its aor attribute");
    assertThat(refusal(recording("<participantstreamassoc participant_id=''/>")))
        .hasMessageContaining(
            "<participantstreamassoc> at 1:98 lacks its participant_id attribute");
  }

  @Test
  void wrongRootIsMalformedAndNamesWhatWasSeen() {
    MetadataException refused = refusal(utf8("<conference-info xmlns='urn:x'/>"));

    assertThat(refused.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(refused)
        .hasMessage(
            "expected root element <recording> in namespace urn:ietf:params:xml:ns:recording:1"
                + " (or none) but saw <{urn:x}conference-info> at 1:33");
  }

  @Test
  void recordingRootInAForeignNamespaceIsRefused() {
    assertThat(refusal(utf8("<recording xmlns='http://example.com/other'/>")))
        .hasMessageContaining("but saw <{http://example.com/other}recording>");
  }

  @Test
  void utf16DocumentsWithAByteOrderMarkAreRead() throws MetadataException {
    byte[] body =
        "\uFEFF<recording><session session_id='s'/></recording>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_16BE);

    assertThat(parser.parse(body).sessions()).extracting(MetadataSession::id).containsExactly("s");
  }

  @Test
  void oneParserServesManyThreadsAtOnce() throws Exception {
    byte[] body = Documents.resource("rfc7865-example.xml");
    RecordingMetadata expected = parser.parse(body);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<RecordingMetadata>> results =
          pool.invokeAll(
              java.util.Collections.nCopies(200, () -> parser.parse(body)), 30, TimeUnit.SECONDS);
      for (Future<RecordingMetadata> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private MetadataException refusal(byte[] body) {
    try {
      parser.parse(body);
    } catch (MetadataException e) {
      return e;
    }
    throw new AssertionError("expected the body to be refused");
  }
}
