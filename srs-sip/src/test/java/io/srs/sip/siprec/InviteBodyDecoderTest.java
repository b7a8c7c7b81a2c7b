package io.srs.sip.siprec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.sip.message.SipHeaders;
import io.srs.sip.testing.Bodies;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InviteBodyDecoderTest {
  private final InviteBodyDecoder decoder = new InviteBodyDecoder(65536);

  private InviteBody decode(String contentType, String body) throws InviteBodyException {
    SipHeaders headers =
        contentType == null
            ? SipHeaders.EMPTY
            : SipHeaders.builder().add("Content-Type", contentType).build();
    return decoder.decode(headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(io.srs.sip.multipart.BodyPart part) {
    return new String(part.content(), StandardCharsets.UTF_8);
  }

  @Test
  void singleSdpBodyIsTheOffer() throws Exception {
    InviteBody body = decode("application/sdp", Bodies.SDP);

    assertThat(text(body.sdp())).isEqualTo(Bodies.SDP);
    assertThat(body.hasMetadata()).isFalse();
  }

  @Test
  void singleMetadataBodyIsMetadataWithoutAnOffer() throws Exception {
    InviteBody body = decode("application/rs-metadata+xml", Bodies.METADATA);

    assertThat(body.hasOffer()).isFalse();
    assertThat(text(body.metadata())).isEqualTo(Bodies.METADATA);
    assertThat(body.metadata().rawContentType()).isEqualTo("application/rs-metadata+xml");
  }

  @Test
  void singleLegacyMetadataBodyIsMetadata() throws Exception {
    assertThat(decode("application/rs-metadata", Bodies.METADATA).hasMetadata()).isTrue();
  }

  @Test
  void multipartGivesSdpAndMetadata() throws Exception {
    InviteBody body = decode(Bodies.MULTIPART_TYPE, Bodies.multipart(Bodies.SDP, Bodies.METADATA));

    assertThat(text(body.sdp())).isEqualTo(Bodies.SDP);
    assertThat(text(body.metadata())).isEqualTo(Bodies.METADATA);
  }

  @Test
  void legacyMetadataTypeAndUpperCaseSdpTypeAreRecognised() throws Exception {
    String multipart =
        "--b\r\nContent-Type: application/rs-metadata\r\n\r\n"
            + Bodies.METADATA
            + "\r\n--b\r\nContent-Type: application/SDP\r\n\r\n"
            + Bodies.SDP
            + "\r\n--b--\r\n";

    InviteBody body = decode("multipart/mixed; boundary=\"b\"", multipart);

    assertThat(text(body.sdp())).isEqualTo(Bodies.SDP);
    assertThat(body.metadata().rawContentType()).isEqualTo("application/rs-metadata");
  }

  @Test
  void otherPartsAreIgnored() throws Exception {
    String multipart =
        "--b\r\nContent-Type: application/sdp\r\n\r\n"
            + Bodies.SDP
            + "\r\n--b\r\nContent-Type: application/isup\r\n\r\nxyz\r\n--b--";

    InviteBody body = decode("multipart/mixed;boundary=b", multipart);

    assertThat(body.hasOffer()).isTrue();
    assertThat(body.hasMetadata()).isFalse();
  }

  @Test
  void emptyBodyHasNoOffer() throws Exception {
    assertThat(decode(null, "")).isEqualTo(InviteBody.EMPTY);
  }

  @Test
  void twoSdpPartsAreRefused() {
    String multipart =
        "--b\r\nContent-Type: application/sdp\r\n\r\n"
            + Bodies.SDP
            + "\r\n--b\r\nContent-Type: application/sdp\r\n\r\n"
            + Bodies.SDP
            + "\r\n--b--";

    assertThatThrownBy(() -> decode("multipart/mixed;boundary=b", multipart))
        .isInstanceOf(InviteBodyException.class)
        .hasMessage("multipart body has more than one application/sdp part; expected one");
  }

  @Test
  void bodyWithoutContentTypeIsMalformed() {
    assertThatThrownBy(() -> decode(null, Bodies.SDP))
        .satisfies(
            e ->
                assertThat(((InviteBodyException) e).kind())
                    .isEqualTo(InviteBodyException.Kind.MALFORMED))
        .hasMessage("request has a body but no Content-Type");
  }

  @Test
  void otherTopLevelTypeIsUnsupported() {
    assertThatThrownBy(() -> decode("multipart/alternative;boundary=b", "--b--"))
        .satisfies(
            e ->
                assertThat(((InviteBodyException) e).kind())
                    .isEqualTo(InviteBodyException.Kind.UNSUPPORTED_MEDIA_TYPE))
        .hasMessage(
            "Content-Type multipart/alternative is not supported; expected application/sdp,"
                + " application/rs-metadata+xml or multipart/mixed");
  }

  @Test
  void compressedBodyIsUnsupported() {
    SipHeaders headers =
        SipHeaders.builder().add("Content-Type", "application/sdp").add("e", "gzip").build();

    assertThatThrownBy(() -> decoder.decode(headers, new byte[] {1, 2, 3}))
        .hasMessage("Content-Encoding gzip is not supported");
  }

  @Test
  void bodyAboveTheLimitIsTooLarge() {
    InviteBodyDecoder small = new InviteBodyDecoder(10);
    SipHeaders headers = SipHeaders.builder().add("Content-Type", "application/sdp").build();

    assertThatThrownBy(() -> small.decode(headers, new byte[11]))
        .satisfies(
            e ->
                assertThat(((InviteBodyException) e).kind())
                    .isEqualTo(InviteBodyException.Kind.TOO_LARGE))
        .hasMessage("body is 11 bytes; the limit is 10");
  }
}
