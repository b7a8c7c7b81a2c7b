package io.srs.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaDirectionTest {

  @Test
  void aRecorderAnswersRecvonlyToEveryStreamTheOffererSendsOn() {
    assertThat(MediaDirection.SENDONLY.recorderAnswer()).isEqualTo(MediaDirection.RECVONLY);
    assertThat(MediaDirection.SENDRECV.recorderAnswer()).isEqualTo(MediaDirection.RECVONLY);
  }

  @Test
  void aRecorderAnswersInactiveToStreamsTheOffererDoesNotSendOn() {
    assertThat(MediaDirection.RECVONLY.recorderAnswer()).isEqualTo(MediaDirection.INACTIVE);
    assertThat(MediaDirection.INACTIVE.recorderAnswer()).isEqualTo(MediaDirection.INACTIVE);
  }

  @Test
  void offererSendsOnlyWithSendonlyAndSendrecv() {
    assertThat(MediaDirection.SENDONLY.offererSends()).isTrue();
    assertThat(MediaDirection.SENDRECV.offererSends()).isTrue();
    assertThat(MediaDirection.RECVONLY.offererSends()).isFalse();
    assertThat(MediaDirection.INACTIVE.offererSends()).isFalse();
  }

  @Test
  void attributesAreParsedCaseInsensitively() {
    assertThat(MediaDirection.fromAttribute("sendonly")).contains(MediaDirection.SENDONLY);
    assertThat(MediaDirection.fromAttribute("RecvOnly")).contains(MediaDirection.RECVONLY);
    assertThat(MediaDirection.fromAttribute("INACTIVE")).contains(MediaDirection.INACTIVE);
  }

  @Test
  void otherAttributesAreNotDirections() {
    assertThat(MediaDirection.fromAttribute("label")).isEmpty();
    assertThat(MediaDirection.fromAttribute("")).isEmpty();
  }

  @Test
  void wireAttributeIsLowerCase() {
    assertThat(MediaDirection.SENDRECV.attribute()).isEqualTo("sendrecv");
  }
}
