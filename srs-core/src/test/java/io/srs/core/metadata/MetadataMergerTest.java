package io.srs.core.metadata;

import static io.srs.core.metadata.Documents.recording;
import static io.srs.core.metadata.Transfers.INITIAL;
import static io.srs.core.metadata.Transfers.at;
import static io.srs.core.metadata.Transfers.participant;
import static io.srs.core.metadata.Transfers.streams;
import static io.srs.core.metadata.Transfers.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7865 §6.1: complete snapshots replace, partial updates merge by id and by time. */
class MetadataMergerTest {
  private final MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);

  private RecordingMetadata parse(String children) throws MetadataException {
    return parser.parse(recording(children));
  }

  private RecordingMetadata afterUpdate(String update) throws MetadataException {
    return MetadataMerger.merge(parse(INITIAL), parse("<datamode>partial</datamode>" + update));
  }

  @Test
  void aDisassociatedAgentNoLongerSendsAndTheNewOneDoes() throws MetadataException {
    RecordingMetadata merged =
        afterUpdate(
            participant("B")
                + streams("A", "s2", "s1", time("disassociate", 95.3))
                + streams("B", "s2", "s1", time("associate", 95.3)));

    assertThat(merged.sendersOnLabel("2")).extracting(Participant::id).containsExactly("B");
    assertThat(merged.sendersOnLabel("1")).extracting(Participant::id).containsExactly("C");
    assertThat(merged.participantStreams())
        .contains(
            new ParticipantStreamAssociation("A", List.of("s2"), List.of("s1"), at(-1), at(95.3)));
  }

  @Test
  void leavingTheSessionEndsTheParticipantsStreams() throws MetadataException {
    RecordingMetadata merged =
        afterUpdate(
            "<participantsessionassoc participant_id='A' session_id='S'>"
                + time("disassociate", 95.3)
                + "</participantsessionassoc>");

    assertThat(merged.sendersOnLabel("2")).isEmpty();
    assertThat(merged.participantSessions())
        .contains(new ParticipantSessionAssociation("A", "S", at(-1), at(95.3)));
    assertThat(merged.participantStreams())
        .filteredOn(a -> a.participantId().equals("A"))
        .extracting(ParticipantStreamAssociation::disassociateTime)
        .containsExactly(at(95.3));
  }

  @Test
  void anEndingThatNamesSomeStreamsKeepsTheOthers() throws MetadataException {
    RecordingMetadata merged =
        afterUpdate(
            "<stream stream_id='s3' session_id='S'><label>3</label></stream>"
                + "<participantstreamassoc participant_id='A'><send>s2</send><send>s3</send>"
                + "<recv>s1</recv></participantstreamassoc>"
                + streams("A", "s2", null, time("disassociate", 50)));

    assertThat(merged.sendersOnLabel("2")).isEmpty();
    assertThat(merged.sendersOnLabel("3")).extracting(Participant::id).containsExactly("A");
    assertThat(merged.participantStreams())
        .filteredOn(a -> a.participantId().equals("A"))
        .extracting(a -> a.send() + " " + a.recv() + " " + a.disassociateTime())
        .containsExactlyInAnyOrder("[s2] [] " + at(50), "[] [s1] null", "[s3] [] null");
  }

  @Test
  void aRestatedAssociationReplacesTheParticipantsStreams() throws MetadataException {
    RecordingMetadata merged =
        afterUpdate(
            "<stream stream_id='s3' session_id='S'><label>3</label></stream>"
                + streams("A", "s3", null, ""));

    assertThat(merged.sendersOnLabel("2")).isEmpty();
    assertThat(merged.sendersOnLabel("3")).extracting(Participant::id).containsExactly("A");
  }

  @Test
  void aRestatedAssociationNamingFewerStreamsEndsTheOthersWhenItBegins() throws MetadataException {
    RecordingMetadata merged = afterUpdate(streams("A", null, "s1", time("associate", 40)));

    assertThat(merged.sendersOnLabel("2")).isEmpty();
    assertThat(merged.participantStreams())
        .contains(new ParticipantStreamAssociation("A", List.of("s2"), List.of(), at(-1), at(40)));
  }

  @Test
  void aRestatedAssociationWithoutTimesKeepsTheFirstAssociateTime() throws MetadataException {
    RecordingMetadata merged = afterUpdate(streams("A", "s2", "s1", ""));

    assertThat(merged.participantStreams())
        .filteredOn(a -> a.participantId().equals("A"))
        .containsExactly(
            new ParticipantStreamAssociation("A", List.of("s2"), List.of("s1"), at(-1), null));
  }

  @Test
  void aPartialUpdateKeepsWhatItLeavesOut() throws MetadataException {
    RecordingMetadata merged =
        afterUpdate(
            "<session session_id='S'>"
                + "<stop-time>"
                + at(120)
                + "</stop-time></session><participant participant_id='A'/>");

    assertThat(merged.sessions())
        .containsExactly(new MetadataSession("S", List.of("abc"), null, at(-1), at(120)));
    assertThat(merged.participant("A").orElseThrow().primaryAor()).isEqualTo("sip:a@example.com");
    assertThat(merged.dataMode()).isEqualTo(DataMode.COMPLETE);
  }

  @Test
  void aParticipantWhoRejoinsGetsASecondAssociation() throws MetadataException {
    RecordingMetadata left = afterUpdate(streams("A", "s2", "s1", time("disassociate", 30)));
    RecordingMetadata back =
        MetadataMerger.merge(
            left,
            parse(
                "<datamode>partial</datamode>" + streams("A", "s2", "s1", time("associate", 60))));

    assertThat(back.sendersOnLabel("2")).extracting(Participant::id).containsExactly("A");
    assertThat(back.participantStreams())
        .filteredOn(a -> a.participantId().equals("A"))
        .extracting(ParticipantStreamAssociation::associateTime)
        .containsExactly(at(-1), at(60));
  }

  @Test
  void aCompleteSnapshotReplacesEverything() throws MetadataException {
    RecordingMetadata first =
        parser.parse(recording(INITIAL + "<x:note xmlns:x='urn:x'>first</x:note>"));
    RecordingMetadata snapshot =
        parse(
            participant("B")
                + "<stream stream_id='s2'><label>2</label></stream>"
                + streams("B", "s2", null, ""));

    RecordingMetadata merged = MetadataMerger.merge(first, snapshot);

    assertThat(merged).isSameAs(snapshot);
    assertThat(merged.extensions()).isEmpty();
  }

  @Test
  void extensionsOfPartialUpdatesAccumulateWithoutRepeats() throws MetadataException {
    RecordingMetadata first = parse(INITIAL + "<x:note xmlns:x='urn:x'>first</x:note>");
    RecordingMetadata merged =
        MetadataMerger.merge(
            first,
            parse(
                "<datamode>partial</datamode><x:note xmlns:x='urn:x'>first</x:note>"
                    + "<x:note xmlns:x='urn:x'>second</x:note>"));

    assertThat(merged.extensions())
        .extracting(ExtensionData::xml)
        .containsExactly(
            "<x:note xmlns:x='urn:x'>first</x:note>", "<x:note xmlns:x='urn:x'>second</x:note>");
  }

  @Test
  void aClosedAssociationInOneDocumentIsNotASender() throws MetadataException {
    RecordingMetadata metadata =
        parse(
            participant("A")
                + participant("B")
                + "<stream stream_id='s2'><label>2</label></stream>"
                + streams("A", "s2", null, time("disassociate", 10))
                + streams("B", "s2", null, time("associate", 10)));

    assertThat(metadata.sendersOnLabel("2")).extracting(Participant::id).containsExactly("B");
  }

  @Test
  void legsOfACallEndedByByeAndStartedAgainShareTheirGroupId() throws MetadataException {
    RecordingMetadata first = parser.parse(Documents.corpus("netsapiens-leg1.xml"));
    RecordingMetadata second = parser.parse(Documents.corpus("netsapiens-leg2.xml"));

    assertThat(first.groupId()).isNotNull().isEqualTo(second.groupId());
    assertThat(first.sessions().get(0).id()).isNotEqualTo(second.sessions().get(0).id());
    assertThat(second.sendersOnLabel("2")).extracting(Participant::id).containsExactly("agent-b");
  }

  @Test
  void theGroupIdComesFromTheSessionsGroupRefBeforeAGroupElement() throws MetadataException {
    assertThat(
            parse(
                    "<group group_id='g1'/><session session_id='s'><group-ref>g2</group-ref>"
                        + "</session>")
                .groupId())
        .isEqualTo("g2");
    assertThat(parse("<group group_id='g1'/>").groupId()).isEqualTo("g1");
    assertThat(parse("").groupId()).isNull();
  }

  @Test
  void theFirstVersionIsTakenAsItIs() throws MetadataException {
    RecordingMetadata partial = parse("<datamode>partial</datamode>" + participant("A"));

    assertThat(MetadataMerger.merge(null, partial)).isSameAs(partial);
  }
}
