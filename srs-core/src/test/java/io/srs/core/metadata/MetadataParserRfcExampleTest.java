package io.srs.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 7865's complete metadata example (resource {@code rfc7865-example.xml}) as a test vector: one
 * group, one session, two participants, four streams, each participant sending two of them.
 */
class MetadataParserRfcExampleTest {
  private static final String SESSION = "hVpd7YQgRW2nD22h7q60JQ==";
  private static final String BOB = "srfBElmCRp2QB23b7Mpk0w==";
  private static final String PAUL = "zSfPoSvdSDCmU3A3TRDxAw==";
  private static final String STREAM_96 = "UAAMm5GRQKSCMVvLyl4rFw==";
  private static final String STREAM_97 = "i1Pz3to5hGk8fuXl+PbwCw==";
  private static final String STREAM_98 = "8zc6e0lYTlWIINA6GR+3ag==";
  private static final String STREAM_99 = "EiXGlc+4TruqqoDaNE76ag==";

  private static RecordingMetadata metadata;

  @BeforeAll
  static void parseTheExample() throws MetadataException {
    metadata =
        new MetadataParser(MetadataLimits.DEFAULT).parse(Documents.resource("rfc7865-example.xml"));
  }

  @Test
  void dataModeIsComplete() {
    // <datamode>complete</datamode>: a full snapshot, not a partial update (§6.1).
    assertThat(metadata.dataMode()).isEqualTo(DataMode.COMPLETE);
  }

  @Test
  void theOneSessionKeepsItsIdSipSessionIdAndGroupReference() {
    // session_id is base64 in the RFC; sipSessionID is an RFC 7989 Session-ID whose text the RFC
    // folds over two lines: only the ends are trimmed, the value is kept as sent.
    assertThat(metadata.sessions())
        .containsExactly(
            new MetadataSession(
                SESSION,
                List.of(
                    "ab30317f1a784dc48ff824d0d3715d86;\n"
                        + "      remote=47755a9de7794ba387653f2099600ef2"),
                "7+OTCyoxTmqmqyA/1weDAg=="));
  }

  @Test
  void bothParticipantsKeepTheirAddressNameAndLanguage() {
    // nameID aor is the address of record; <name xml:lang="it"> its display name.
    assertThat(metadata.participants())
        .containsExactly(
            new Participant(BOB, List.of(new NameId("sip:bob@biloxi.com", "Bob", "it"))),
            new Participant(PAUL, List.of(new NameId("sip:Paul@biloxi.com", "Paul", "it"))));
  }

  @Test
  void everyStreamIsTiedToItsSdpLabelAndSession() {
    // The labels 96..99 match a=label lines of the SDP offer (RFC 4574).
    assertThat(metadata.streams())
        .containsExactly(
            new MetadataStream(STREAM_96, SESSION, "96"),
            new MetadataStream(STREAM_97, SESSION, "97"),
            new MetadataStream(STREAM_98, SESSION, "98"),
            new MetadataStream(STREAM_99, SESSION, "99"));
  }

  @Test
  void streamAssociationsKeepSendAndRecvInDocumentOrder() {
    assertThat(metadata.participantStreams())
        .containsExactly(
            new ParticipantStreamAssociation(
                BOB, List.of(STREAM_97, STREAM_96), List.of(STREAM_98, STREAM_99)),
            new ParticipantStreamAssociation(
                PAUL, List.of(STREAM_98, STREAM_99), List.of(STREAM_96, STREAM_97)));
  }

  @Test
  void theVoiceOnEachLabelIsTheParticipantThatSendsIt() {
    assertThat(metadata.sendersOnLabel("96")).extracting(Participant::id).containsExactly(BOB);
    assertThat(metadata.sendersOnLabel("99")).extracting(Participant::id).containsExactly(PAUL);
  }

  @Test
  void groupsExtensionDataAndOtherAssociationsAreSkipped() {
    // <group>, <call-center>, <mydata>, <sessionrecordingassoc> and <participantsessionassoc>
    // are not modelled yet: they must not leak into the model or break the parse.
    assertThat(metadata.sessions()).hasSize(1);
    assertThat(metadata.participants()).hasSize(2);
    assertThat(metadata.streams()).hasSize(4);
    assertThat(metadata.participantStreams()).hasSize(2);
  }
}
