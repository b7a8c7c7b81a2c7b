package io.srs.daemon.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.daemon.simulate.SdpAnswerReader.MediaTarget;
import io.srs.daemon.simulate.SdpAnswerReader.SdpException;
import org.junit.jupiter.api.Test;

class SdpAnswerReaderTest {

  @Test
  void eachMLineGivesItsPortAtTheSessionAddressInOrder() throws Exception {
    String sdp =
        "v=0\r\no=srs 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
            + "m=audio 20000 RTP/AVP 0\r\na=label:1\r\na=recvonly\r\n"
            + "m=audio 20002 RTP/AVP 0\r\na=label:2\r\na=recvonly\r\n";
    assertThat(SdpAnswerReader.read(sdp))
        .containsExactly(
            new MediaTarget("10.0.0.5", 20000, "recvonly", "RTP/AVP", null),
            new MediaTarget("10.0.0.5", 20002, "recvonly", "RTP/AVP", null));
  }

  @Test
  void aMediaLevelConnectionOverridesTheSessionOne() throws Exception {
    String sdp =
        "v=0\nc=IN IP4 10.0.0.5\nm=audio 20000 RTP/AVP 0\nc=IN IP4 192.0.2.7/127\n"
            + "m=audio 20002 RTP/AVP 0\n";
    assertThat(SdpAnswerReader.read(sdp))
        .extracting(MediaTarget::address)
        .containsExactly("192.0.2.7", "10.0.0.5");
  }

  @Test
  void portZeroMarksARefusedStream() throws Exception {
    String sdp = "v=0\r\nc=IN IP4 10.0.0.5\r\nm=audio 0 RTP/AVP 9\r\nm=audio 20002 RTP/AVP 0\r\n";
    var targets = SdpAnswerReader.read(sdp);
    assertThat(targets.get(0).refused()).isTrue();
    assertThat(targets.get(1).refused()).isFalse();
  }

  @Test
  void anAnswerWithoutMediaIsRefusedWithAReason() {
    assertThatThrownBy(() -> SdpAnswerReader.read("v=0\r\nc=IN IP4 10.0.0.5\r\n"))
        .isInstanceOf(SdpException.class)
        .hasMessageContaining("no m= line");
  }

  @Test
  void anAnswerWithoutAnAddressIsRefusedWithAReason() {
    assertThatThrownBy(() -> SdpAnswerReader.read("v=0\r\nm=audio 20000 RTP/AVP 0\r\n"))
        .isInstanceOf(SdpException.class)
        .hasMessageContaining("no c= line");
  }

  @Test
  void aPortThatIsNotANumberIsRefused() {
    assertThatThrownBy(() -> SdpAnswerReader.read("v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio x RTP/AVP 0"))
        .isInstanceOf(SdpException.class)
        .hasMessageContaining("not a number");
  }

  @Test
  void anSrtpAnswerGivesItsTransportAndTheSuiteOfItsFirstCryptoLineButNotTheKey() throws Exception {
    String key = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
    String sdp =
        "v=0\r\nc=IN IP4 10.0.0.5\r\n"
            + "m=audio 20000 RTP/SAVP 0\r\na=crypto:1 AEAD_AES_128_GCM inline:"
            + key
            + "\r\na=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:"
            + key
            + "\r\nm=audio 20002 RTP/AVP 0\r\n";
    var targets = SdpAnswerReader.read(sdp);
    assertThat(targets.get(0).proto()).isEqualTo("RTP/SAVP");
    assertThat(targets.get(0).cryptoSuite()).isEqualTo("AEAD_AES_128_GCM");
    assertThat(targets.get(1).proto()).isEqualTo("RTP/AVP");
    assertThat(targets.get(1).cryptoSuite()).isNull();
    assertThat(targets.toString()).doesNotContain(key);
  }

  @Test
  void aMalformedCryptoLineIsRefusedWithoutQuotingIt() {
    String secret = "c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkw";
    assertThatThrownBy(
            () ->
                SdpAnswerReader.read(
                    "v=0\r\nc=IN IP4 10.0.0.5\r\nm=audio 20000 RTP/SAVP 0\r\na=crypto:1 inline:"
                        + secret
                        + "\r\n"))
        .isInstanceOf(SdpException.class)
        .hasMessageContaining("malformed a=crypto")
        .message()
        .doesNotContain(secret);
  }
}
