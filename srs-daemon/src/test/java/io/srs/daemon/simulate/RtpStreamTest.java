package io.srs.daemon.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.SrtpSuite;
import io.srs.rtp.srtp.SrtpStatus;
import io.srs.rtp.srtp.SrtpUnprotector;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a simulated stream puts on the wire, read back over real UDP on 127.0.0.1. */
class RtpStreamTest {
  private static final int PACKETS = 5;

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void anSrtpStreamSendsPacketsTheRecordersUnprotectorTurnsBackIntoTheAudio(SrtpSuite suite)
      throws Exception {
    EncodedAudio audio = EncodedAudio.encode(AudioSource.tone(440, 8000), SimCodec.PCMU);
    SdesOffer offer = SdesOffer.generate(suite, new SecureRandom());
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(loopback, 0));
        RtpStream stream =
            new RtpStream(
                new InetSocketAddress(loopback, 0),
                audio,
                SimCodec.PCMU,
                0x1234_5678,
                65_533, // crosses a sequence wrap: the rollover counter must follow
                1_000,
                offer)) {
      receiver.setSoTimeout(5_000);
      stream.target(receiver.getLocalSocketAddress());
      SrtpUnprotector unprotector = new SrtpUnprotector(offer.keys());
      byte[] expected = new byte[SimCodec.PAYLOAD_BYTES];
      for (int n = 0; n < PACKETS; n++) {
        stream.sendNext();
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        receiver.receive(packet);
        int plainLength = RtpStream.HEADER_BYTES + SimCodec.PAYLOAD_BYTES;
        assertThat(packet.getLength())
            .as("an SRTP packet carries the suite's tag after the payload")
            .isEqualTo(plainLength + suite.srtpTagBytes());
        assertThat(
                Arrays.copyOfRange(
                    packet.getData(), RtpStream.HEADER_BYTES, RtpStream.HEADER_BYTES + 16))
            .as("the payload is not sent in the clear")
            .isNotEqualTo(audioSlice(audio, n));

        assertThat(unprotector.unprotect(packet.getData(), 0, packet.getLength()))
            .isEqualTo(SrtpStatus.OK);
        assertThat(unprotector.length()).isEqualTo(plainLength);
        audio.copyPacket(n, expected, 0);
        assertThat(Arrays.copyOfRange(packet.getData(), RtpStream.HEADER_BYTES, plainLength))
            .isEqualTo(expected);
      }
    }
  }

  private static byte[] audioSlice(EncodedAudio audio, int n) {
    byte[] payload = new byte[SimCodec.PAYLOAD_BYTES];
    audio.copyPacket(n, payload, 0);
    return Arrays.copyOf(payload, 16);
  }
}
