package io.srs.bench;

import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import io.srs.rtp.srtp.SrtpProtector;
import io.srs.rtp.srtp.SrtpStatus;
import io.srs.rtp.srtp.SrtpUnprotector;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SRTP unprotect of one G.711 packet (12-byte header, 160-byte payload, 20 ms): index estimate,
 * replay check, tag verification, decryption, state update, as the receiver does it after copying
 * the datagram out of Netty's buffer. That copy (≈ 190 bytes) is included here too: each invocation
 * copies the next prebuilt SRTP packet into the work array, since unprotect works in place and an
 * index may be accepted only once.
 *
 * <p>Parameter {@code suite}: AES_CM_128_HMAC_SHA1_80 (RFC 3711's default, what SBCs offer first)
 * or AEAD_AES_128_GCM (RFC 7714). Bouncy Castle's lightweight AES is table-based Java, without
 * AES-NI; these figures are the price of that choice.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SrtpBenchmark {
  static final int SAMPLES = 160;
  static final int RTP_BYTES = 12 + SAMPLES;
  static final int RING = 4096; // prebuilt packets, a power of two
  static final long SSRC = 0x5EED_0001L;

  @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
  public String suite;

  private final byte[][] packets = new byte[RING][];
  private final int[] lengths = new int[RING];
  private final byte[] work = new byte[1500];
  private SrtpKeys keys;
  private SrtpUnprotector receiver;
  private long received;

  @Setup
  public void prepare() {
    SrtpSuite chosen = SrtpSuite.valueOf(suite);
    Random random = new Random(3711);
    byte[] key = new byte[chosen.masterKeyBytes()];
    byte[] salt = new byte[chosen.masterSaltBytes()];
    random.nextBytes(key);
    random.nextBytes(salt);
    keys = SrtpKeys.of(chosen, key, salt);
    SrtpProtector sender = new SrtpProtector(keys);
    for (int i = 0; i < RING; i++) {
      byte[] packet = new byte[RTP_BYTES + 32];
      packet[0] = (byte) 0x80;
      packet[2] = (byte) (i >>> 8);
      packet[3] = (byte) i;
      packet[8] = (byte) (SSRC >>> 24);
      packet[9] = (byte) (SSRC >>> 16);
      packet[10] = (byte) (SSRC >>> 8);
      packet[11] = (byte) SSRC;
      for (int s = 0; s < SAMPLES; s++) {
        packet[12 + s] = (byte) random.nextInt(255);
      }
      lengths[i] = sender.protectRtp(packet, 0, RTP_BYTES);
      packets[i] = packet;
    }
    receiver = new SrtpUnprotector(keys);
  }

  /** One packet; after the ring's last packet a fresh context takes the ring again. */
  @Benchmark
  public int unprotect() {
    int slot = (int) (received++ & (RING - 1));
    if (slot == 0 && received > 1) {
      receiver = new SrtpUnprotector(keys); // amortised over RING packets: under 1 ns each
    }
    System.arraycopy(packets[slot], 0, work, 0, lengths[slot]);
    if (receiver.unprotect(work, 0, lengths[slot]) != SrtpStatus.OK) {
      throw new IllegalStateException("packet " + slot + " refused");
    }
    return receiver.length();
  }
}
