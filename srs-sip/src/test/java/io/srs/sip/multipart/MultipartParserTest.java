package io.srs.sip.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 2046 §5.1.1 vectors, plus the shapes SRCs really send. */
class MultipartParserTest {
  private final MultipartParser parser = new MultipartParser(8);

  private static final String SDP = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n";
  private static final String XML = "<recording xmlns=\"urn:ietf:params:xml:ns:recording:1\"/>";

  private List<BodyPart> parse(String contentType, String body) throws MultipartException {
    return parser.parse(ContentType.parse(contentType), body.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String text(BodyPart part) {
    return new String(part.content(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void unquotedBoundarySplitsTwoParts() throws Exception {
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=foobar",
            "--foobar\r\nContent-Type: application/sdp\r\n\r\n"
                + SDP
                + "\r\n--foobar\r\nContent-Type: application/rs-metadata+xml\r\n\r\n"
                + XML
                + "\r\n--foobar--\r\n");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).contentType().mediaType()).isEqualTo("application/sdp");
    assertThat(text(parts.get(0))).isEqualTo(SDP);
    assertThat(parts.get(1).contentType().mediaType()).isEqualTo("application/rs-metadata+xml");
    assertThat(text(parts.get(1))).isEqualTo(XML);
  }

  @Test
  void quotedBoundaryWithSpecialCharactersIsSplit() throws Exception {
    List<BodyPart> parts =
        parse(
            "multipart/mixed; boundary=\"uniq:bound/ary=1\"",
            "--uniq:bound/ary=1\r\nContent-Type: application/sdp\r\n\r\n"
                + SDP
                + "\r\n--uniq:bound/ary=1--");

    assertThat(parts).hasSize(1);
    assertThat(text(parts.get(0))).isEqualTo(SDP);
  }

  @Test
  void preambleAndEpilogueAreIgnored() throws Exception {
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=b",
            "This is a preamble.\r\n--b\r\nContent-Type: application/sdp\r\n\r\n"
                + SDP
                + "\r\n--b--\r\nThis is the epilogue.\r\n--b\r\nnot a part\r\n");

    assertThat(parts).hasSize(1);
    assertThat(text(parts.get(0))).isEqualTo(SDP);
  }

  @Test
  void missingCloseDelimiterEndsTheLastPartAtTheEndOfTheBody() throws Exception {
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=b",
            "--b\r\nContent-Type: application/sdp\r\n\r\n"
                + SDP
                + "\r\n--b\r\nContent-Type: application/rs-metadata+xml\r\n\r\n"
                + XML);

    assertThat(parts).hasSize(2);
    assertThat(text(parts.get(1))).isEqualTo(XML);
  }

  @Test
  void closeDelimiterWithoutFinalCrlfIsAccepted() throws Exception {
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=b",
            "--b\r\nContent-Type: application/sdp\r\n\r\n" + SDP + "\r\n--b--");

    assertThat(parts).hasSize(1);
    assertThat(text(parts.get(0))).isEqualTo(SDP);
  }

  @Test
  void perPartHeadersAreKeptCaseInsensitively() throws Exception {
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=b",
            "--b\r\ncontent-type: application/rs-metadata+xml\r\n"
                + "CONTENT-DISPOSITION: recording-session\r\n"
                + "Content-ID: <meta@src>\r\n\r\n"
                + XML
                + "\r\n--b--\r\n");

    BodyPart part = parts.get(0);
    assertThat(part.rawContentType()).isEqualTo("application/rs-metadata+xml");
    assertThat(part.headers().first("Content-Disposition")).contains("recording-session");
    assertThat(part.headers().first("content-id")).contains("<meta@src>");
  }

  @Test
  void foldedPartHeaderIsJoined() throws Exception {
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=b",
            "--b\r\nContent-Type: application/sdp;\r\n charset=utf-8\r\n\r\n" + SDP + "\r\n--b--");

    assertThat(parts.get(0).contentType().parameter("charset")).contains("utf-8");
  }

  @Test
  void partTypesAreCaseInsensitive() throws Exception {
    List<BodyPart> parts =
        parse(
            "Multipart/Mixed;boundary=b",
            "--b\r\nContent-Type: Application/SDP\r\n\r\n" + SDP + "\r\n--b--");

    assertThat(parts.get(0).contentType().is("application/sdp")).isTrue();
    assertThat(parts.get(0).rawContentType()).isEqualTo("Application/SDP");
  }

  @Test
  void lfOnlyLineEndingsAreAccepted() throws Exception {
    String lfSdp = SDP.replace("\r\n", "\n");
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=b",
            "--b\nContent-Type: application/sdp\n\n"
                + lfSdp
                + "\n--b\nContent-Type: application/rs-metadata\n\n"
                + XML
                + "\n--b--\n");

    assertThat(parts).hasSize(2);
    assertThat(text(parts.get(0))).isEqualTo(lfSdp);
    assertThat(text(parts.get(1))).isEqualTo(XML);
  }

  @Test
  void metadataBeforeSdpKeepsTheirOrder() throws Exception {
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=b",
            "--b\r\nContent-Type: application/rs-metadata+xml\r\n\r\n"
                + XML
                + "\r\n--b\r\nContent-Type: application/sdp\r\n\r\n"
                + SDP
                + "\r\n--b--\r\n");

    assertThat(parts)
        .extracting(p -> p.contentType().mediaType())
        .containsExactly("application/rs-metadata+xml", "application/sdp");
  }

  @Test
  void transportPaddingAfterADelimiterIsIgnored() throws Exception {
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=b",
            "--b  \r\nContent-Type: application/sdp\r\n\r\n" + SDP + "\r\n--b-- \t\r\n");

    assertThat(text(parts.get(0))).isEqualTo(SDP);
  }

  @Test
  void boundaryInsideContentThatIsNotAtALineStartIsContent() throws Exception {
    String content = "x=--b is not a delimiter\r\n--bx neither";
    List<BodyPart> parts =
        parse(
            "multipart/mixed;boundary=b",
            "--b\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--b--");

    assertThat(text(parts.get(0))).isEqualTo(content);
  }

  @Test
  void partWithoutHeadersDefaultsToTextPlain() throws Exception {
    List<BodyPart> parts = parse("multipart/mixed;boundary=b", "--b\r\n\r\nhello\r\n--b--");

    assertThat(parts.get(0).contentType().mediaType()).isEqualTo("text/plain");
    assertThat(parts.get(0).rawContentType()).isNull();
    assertThat(text(parts.get(0))).isEqualTo("hello");
  }

  @Test
  void contentBytesAreExactIncludingNonAscii() throws Exception {
    byte[] xml = "<name>Zoë Ångström</name>".getBytes(StandardCharsets.UTF_8);
    String body =
        "--b\r\nContent-Type: application/rs-metadata+xml\r\n\r\n"
            + new String(xml, StandardCharsets.ISO_8859_1)
            + "\r\n--b--";

    List<BodyPart> parts = parse("multipart/mixed;boundary=b", body);

    assertThat(parts.get(0).content()).isEqualTo(xml);
  }

  @Test
  void noBoundaryParameterIsRefused() {
    assertThatThrownBy(() -> parse("multipart/mixed", "--b\r\n\r\nx\r\n--b--"))
        .isInstanceOf(MultipartException.class)
        .hasMessage("multipart/mixed Content-Type has no boundary parameter");
  }

  @Test
  void boundaryNeverFoundIsRefused() {
    assertThatThrownBy(() -> parse("multipart/mixed;boundary=abc", "v=0\r\ns=-\r\n"))
        .hasMessage("multipart boundary \"abc\" never found in the body");
  }

  @Test
  void emptyBoundaryIsRefused() {
    assertThatThrownBy(() -> parse("multipart/mixed;boundary=\"\"", "--\r\n"))
        .hasMessage("multipart boundary must be 1..256 characters, was 0");
  }

  @Test
  void closeDelimiterFirstMeansNoParts() {
    assertThatThrownBy(() -> parse("multipart/mixed;boundary=b", "--b--\r\n"))
        .hasMessage("multipart body has a close delimiter but no parts");
  }

  @Test
  void partHeaderWithoutColonIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "multipart/mixed;boundary=b",
                    "--b\r\nContent-Type application/sdp\r\n\r\nx\r\n--b--"))
        .hasMessage(
            "multipart part 1 header line \"Content-Type application/sdp\" is not name: value");
  }

  @Test
  void partWithoutBlankLineIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "multipart/mixed;boundary=b", "--b\r\nContent-Type: application/sdp\r\n--b--"))
        .hasMessage("multipart part 1 has no blank line between its headers and its content");
  }

  @Test
  void tooManyPartsAreRefused() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      body.append("--b\r\n\r\npart ").append(i).append("\r\n");
    }
    body.append("--b--");

    assertThatThrownBy(() -> parse("multipart/mixed;boundary=b", body.toString()))
        .hasMessage("multipart body has more than 8 parts");
  }

  @Test
  void badPartContentTypeNamesThePart() {
    assertThatThrownBy(
            () -> parse("multipart/mixed;boundary=b", "--b\r\nContent-Type: sdp\r\n\r\nx\r\n--b--"))
        .hasMessage("multipart part 1: Content-Type \"sdp\" is not type/subtype");
  }
}
