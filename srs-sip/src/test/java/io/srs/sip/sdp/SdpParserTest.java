package io.srs.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.media.MediaDirection;
import io.srs.core.media.OfferedFormat;
import io.srs.core.media.OfferedStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4566 parse vectors: what an SRC offers, and what we refuse with which line. */
class SdpParserTest {
  private final SdpParser parser = new SdpParser();

  private static String sdp(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  private static final String HEAD =
      "v=0\r\no=SRC 2890844526 2890844527 IN IP4 192.0.2.10\r\ns=SIPREC\r\n"
          + "c=IN IP4 192.0.2.10\r\nt=0 0\r\n";

  private List<OfferedStream> streams(String body) throws SdpException {
    return parser.parse(body).offeredStreams();
  }

  @Test
  void sessionLineFieldsAreRead() throws Exception {
    SessionDescription session = parser.parse(HEAD + "m=audio 10000 RTP/AVP 0\r\n");

    assertThat(session.originUsername()).isEqualTo("SRC");
    assertThat(session.sessionId()).isEqualTo("2890844526");
    assertThat(session.sessionVersion()).isEqualTo("2890844527");
    assertThat(session.originAddress()).isEqualTo("192.0.2.10");
    assertThat(session.sessionName()).isEqualTo("SIPREC");
  }

  @Test
  void staticPayloadTypesAreNamedFromRfc3551WithoutRtpmap() throws Exception {
    OfferedStream stream = streams(HEAD + "m=audio 10000 RTP/AVP 0 8 18\r\n").get(0);

    assertThat(stream.formats())
        .containsExactly(
            new OfferedFormat(0, "PCMU", 8000, 1, null),
            new OfferedFormat(8, "PCMA", 8000, 1, null),
            new OfferedFormat(18, "G729", 8000, 1, null));
  }

  @Test
  void dynamicPayloadTypesAreNamedByRtpmapAndKeepFmtp() throws Exception {
    OfferedStream stream =
        streams(
                HEAD
                    + sdp(
                        "m=audio 10000 RTP/AVP 96 101 97",
                        "a=rtpmap:96 opus/48000/2",
                        "a=fmtp:96 useinbandfec=1; minptime=10",
                        "a=rtpmap:101 telephone-event/8000",
                        "a=fmtp:101 0-16"))
            .get(0);

    assertThat(stream.formats())
        .containsExactly(
            new OfferedFormat(96, "opus", 48000, 2, "useinbandfec=1; minptime=10"),
            new OfferedFormat(101, "telephone-event", 8000, 1, "0-16"),
            new OfferedFormat(97, null, 0, 1, null));
  }

  @Test
  void rtpmapOverridesTheStaticTable() throws Exception {
    OfferedStream stream =
        streams(HEAD + sdp("m=audio 10000 RTP/AVP 0", "a=rtpmap:0 PCMU/8000")).get(0);

    assertThat(stream.formats()).containsExactly(new OfferedFormat(0, "PCMU", 8000, 1, null));
  }

  @Test
  void mediaDirectionWinsOverSessionDirection() throws Exception {
    List<OfferedStream> streams =
        streams(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\na=recvonly\r\n"
                + sdp("m=audio 10000 RTP/AVP 0", "a=sendonly", "m=audio 10002 RTP/AVP 0"));

    assertThat(streams.get(0).direction()).isEqualTo(MediaDirection.SENDONLY);
    assertThat(streams.get(1).direction()).isEqualTo(MediaDirection.RECVONLY);
  }

  @Test
  void directionDefaultsToSendrecv() throws Exception {
    assertThat(streams(HEAD + "m=audio 10000 RTP/AVP 0\r\n").get(0).direction())
        .isEqualTo(MediaDirection.SENDRECV);
  }

  @Test
  void labelsIndexesPortsAndProtoAreKept() throws Exception {
    List<OfferedStream> streams =
        streams(
            HEAD
                + sdp(
                    "m=audio 10000 RTP/AVP 0",
                    "a=label:caller-1",
                    "m=audio 10002/2 RTP/AVPF 8",
                    "a=label:2"));

    assertThat(streams).extracting(OfferedStream::index).containsExactly(0, 1);
    assertThat(streams).extracting(OfferedStream::label).containsExactly("caller-1", "2");
    assertThat(streams).extracting(OfferedStream::port).containsExactly(10000, 10002);
    assertThat(streams).extracting(OfferedStream::transport).containsExactly("RTP/AVP", "RTP/AVPF");
  }

  @Test
  void nonRtpMediaKeepsItsRawFormatsAndOffersNoPayloadTypes() throws Exception {
    SessionDescription session = parser.parse(HEAD + "m=image 10004 udptl t38\r\n");

    assertThat(session.media().get(0).formats()).containsExactly("t38");
    assertThat(session.offeredStreams().get(0).formats()).isEmpty();
  }

  @Test
  void lfOnlyLineEndingsAndTrailingBlankLinesAreAccepted() throws Exception {
    String lf = (HEAD + "m=audio 10000 RTP/AVP 0\r\na=label:1\r\n").replace("\r\n", "\n") + "\n\n";

    assertThat(streams(lf).get(0).label()).isEqualTo("1");
  }

  @Test
  void offerWithoutMediaParsesToNoStreams() throws Exception {
    assertThat(streams(HEAD)).isEmpty();
  }

  @Test
  void nonNumericPortIsRefusedNamingTheLine() {
    assertThatThrownBy(() -> parser.parse(HEAD + "m=audio x RTP/AVP 0\r\n"))
        .isInstanceOf(SdpException.class)
        .hasMessage("SDP line 6: m= port \"x\" is not a number");
  }

  @Test
  void portAboveRangeIsRefused() {
    assertThatThrownBy(() -> parser.parse(HEAD + "m=audio 70000 RTP/AVP 0\r\n"))
        .hasMessage("SDP line 6: m= port 70000 is out of range 0..65535");
  }

  @Test
  void payloadTypeAbove127IsRefused() {
    assertThatThrownBy(() -> parser.parse(HEAD + "m=audio 10000 RTP/AVP 0 128\r\n"))
        .hasMessage("SDP line 6: m= payload type 128 is out of range 0..127");
  }

  @Test
  void nonNumericPayloadTypeOnRtpIsRefused() {
    assertThatThrownBy(() -> parser.parse(HEAD + "m=audio 10000 RTP/AVP PCMU\r\n"))
        .hasMessage("SDP line 6: m= payload type \"PCMU\" is not a number");
  }

  @Test
  void mLineWithoutFormatsIsRefused() {
    assertThatThrownBy(() -> parser.parse(HEAD + "m=audio 10000 RTP/AVP\r\n"))
        .hasMessage("SDP line 6: m= has 3 fields; expected <media> <port> <proto> <fmt> ...");
  }

  @Test
  void malformedRtpmapIsRefused() {
    assertThatThrownBy(
            () -> parser.parse(HEAD + sdp("m=audio 10000 RTP/AVP 96", "a=rtpmap:96 opus")))
        .hasMessage(
            "SDP line 7: a=rtpmap:\"96 opus\" is not <payload type> <encoding name>/<clock"
                + " rate>[/<channels>]");
  }

  @Test
  void rtpmapWithBadClockRateIsRefused() {
    assertThatThrownBy(
            () -> parser.parse(HEAD + sdp("m=audio 10000 RTP/AVP 96", "a=rtpmap:96 PCMU/fast")))
        .hasMessage("SDP line 7: a=rtpmap clock rate \"fast\" is not a number");
  }

  @Test
  void missingVersionLineIsRefused() {
    assertThatThrownBy(() -> parser.parse("o=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n"))
        .hasMessage("SDP line 1: expected v=0 as the first line, saw \"o=- 1 1 IN IP4 192.0.2.1\"");
  }

  @Test
  void emptyBodyIsRefused() {
    assertThatThrownBy(() -> parser.parse(""))
        .hasMessage("SDP is empty; expected v=0 and an offer");
  }

  @Test
  void originWithTooFewFieldsIsRefused() {
    assertThatThrownBy(() -> parser.parse("v=0\r\no=- 1 1 IN\r\ns=-\r\n"))
        .hasMessage(
            "SDP line 2: o= has 4 fields; expected 6 (username sess-id sess-version nettype"
                + " addrtype address)");
  }

  @Test
  void missingOriginIsRefused() {
    assertThatThrownBy(() -> parser.parse("v=0\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\n"))
        .hasMessage("SDP has no o= line (RFC 4566 §5.2)");
  }

  @Test
  void lineWithoutEqualsIsRefused() {
    assertThatThrownBy(() -> parser.parse(HEAD + "hello world\r\n"))
        .hasMessage("SDP line 6: \"hello world\" is not <type>=<value> (RFC 4566 §5)");
  }

  @Test
  void controlCharacterIsRefused() {
    assertThatThrownBy(() -> parser.parse(HEAD + "a=label:1\u0000\r\n"))
        .hasMessage("SDP line 6: contains control character 0x00");
  }

  @Test
  void overlongLineIsRefused() {
    String longLine = "a=x:" + "y".repeat(SdpParser.MAX_LINE_LENGTH);

    assertThatThrownBy(() -> parser.parse(HEAD + longLine + "\r\n"))
        .hasMessage("SDP line 6: line is 2052 characters; the limit is 2048");
  }

  @Test
  void tooManyMediaLinesAreRefused() {
    SdpParser small = new SdpParser(2);
    String three = HEAD + "m=audio 1 RTP/AVP 0\r\n".repeat(3);

    assertThatThrownBy(() -> small.parse(three)).hasMessage("SDP line 8: more than 2 m= lines");
  }
}
