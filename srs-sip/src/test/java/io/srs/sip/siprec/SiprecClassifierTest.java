package io.srs.sip.siprec;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.message.SipHeaders;
import io.srs.sip.multipart.BodyPart;
import io.srs.sip.multipart.ContentType;
import org.junit.jupiter.api.Test;

class SiprecClassifierTest {

  private static boolean siprec(String name, String value) {
    return SiprecClassifier.isSiprec(
        SipHeaders.builder().add(name, value).build(), InviteBody.EMPTY);
  }

  @Test
  void requireSiprecMarksSiprec() {
    assertThat(siprec("Require", "timer, SipRec")).isTrue();
  }

  @Test
  void srcFeatureTagInContactMarksSiprec() {
    assertThat(siprec("Contact", "<sip:src@192.0.2.10:5060>;+sip.src")).isTrue();
    assertThat(siprec("m", "<sip:src@192.0.2.10>;expires=60;+SIP.SRC;foo")).isTrue();
  }

  @Test
  void bareSrcParameterInContactMarksSiprec() {
    assertThat(siprec("Contact", "<sip:src@192.0.2.10>;src")).isTrue();
  }

  @Test
  void srcInsideTheUriOrAsAPrefixDoesNotMarkSiprec() {
    assertThat(siprec("Contact", "<sip:src@192.0.2.10;srcport=5>")).isFalse();
    assertThat(siprec("Contact", "<sip:phone@192.0.2.10>;+sip.srcx")).isFalse();
  }

  @Test
  void metadataPartMarksSiprec() throws Exception {
    BodyPart metadata =
        new BodyPart(
            ContentType.parse("application/rs-metadata+xml"), null, SipHeaders.EMPTY, new byte[0]);

    assertThat(SiprecClassifier.isSiprec(SipHeaders.EMPTY, new InviteBody(null, metadata)))
        .isTrue();
  }

  @Test
  void broadWorksShapeWithoutRequireIsSiprec() throws Exception {
    // BroadWorks: no Require: siprec, ";src" after the Contact URI, legacy metadata type.
    SipHeaders headers =
        SipHeaders.builder()
            .add("Contact", "<sip:+15551230000@192.0.2.10:5060;transport=udp>;src")
            .add("Supported", "100rel, timer")
            .build();
    BodyPart metadata =
        new BodyPart(
            ContentType.parse("application/rs-metadata"),
            "application/rs-metadata",
            SipHeaders.EMPTY,
            "<recording_metadata xmlns=\"urn:ietf:params:xml:ns:siprec\"/>".getBytes());

    assertThat(SiprecClassifier.isSiprec(headers, InviteBody.EMPTY)).isTrue();
    assertThat(SiprecClassifier.isSiprec(SipHeaders.EMPTY, new InviteBody(null, metadata)))
        .isTrue();
  }

  @Test
  void ordinaryInviteIsNotSiprec() {
    assertThat(siprec("Contact", "<sip:alice@192.0.2.10>")).isFalse();
  }
}
