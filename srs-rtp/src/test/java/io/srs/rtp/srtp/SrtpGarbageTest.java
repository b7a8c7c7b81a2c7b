package io.srs.rtp.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Network input is never trusted: any bytes give a status, never an exception or a change. */
class SrtpGarbageTest {
  private final SrtpUnprotector[] rtp = new SrtpUnprotector[SrtpSuite.values().length];
  private final SrtcpUnprotector[] rtcp = new SrtcpUnprotector[SrtpSuite.values().length];

  SrtpGarbageTest() {
    for (SrtpSuite suite : SrtpSuite.values()) {
      SrtpKeys keys =
          SrtpPacketsFixture.withMki(SrtpPacketsFixture.keys(suite, 5), suite.ordinal() % 3, 1);
      rtp[suite.ordinal()] = new SrtpUnprotector(keys);
      rtcp[suite.ordinal()] = new SrtcpUnprotector(keys);
    }
  }

  @Property(tries = 2000)
  void anyDatagramIsRefusedWithAStatusAndLeftAsItCame(@ForAll @Size(max = 300) byte[] datagram) {
    for (int i = 0; i < rtp.length; i++) {
      byte[] copy = datagram.clone();
      assertThat(rtp[i].unprotect(copy, 0, copy.length)).isNotEqualTo(SrtpStatus.OK);
      assertThat(copy).isEqualTo(datagram);
      assertThat(rtcp[i].unprotect(copy, 0, copy.length)).isNotEqualTo(SrtpStatus.OK);
      assertThat(copy).isEqualTo(datagram);
    }
  }

  @Property(tries = 500)
  void aDatagramInsideALargerArrayIsReadOnlyWithinItsBounds(
      @ForAll @Size(min = 0, max = 100) byte[] datagram) {
    byte[] padded = new byte[datagram.length + 64];
    Arrays.fill(padded, (byte) 0x5A);
    System.arraycopy(datagram, 0, padded, 32, datagram.length);
    for (SrtpUnprotector unprotector : rtp) {
      unprotector.unprotect(padded, 32, datagram.length);
    }
    for (SrtcpUnprotector unprotector : rtcp) {
      unprotector.unprotect(padded, 32, datagram.length);
    }
    assertThat(Arrays.copyOfRange(padded, 32, 32 + datagram.length)).isEqualTo(datagram);
  }
}
