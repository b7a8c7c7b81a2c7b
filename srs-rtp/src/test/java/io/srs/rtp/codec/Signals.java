package io.srs.rtp.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;

/** Test signals, PCM16 conversions, SNR and allocation measurement for the codec tests. */
final class Signals {
  private Signals() {}

  /** A sine of {@code frequency} Hz at {@code rate} Hz, peak {@code amplitude}. */
  static short[] sine(double frequency, int rate, int amplitude, int count) {
    short[] samples = new short[count];
    for (int i = 0; i < count; i++) {
      samples[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
    }
    return samples;
  }

  /** Little-endian PCM16 bytes to samples. */
  static short[] fromLittleEndian(byte[] bytes, int offset, int length) {
    short[] samples = new short[length / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) ((bytes[offset + 2 * i] & 0xFF) | (bytes[offset + 2 * i + 1] << 8));
    }
    return samples;
  }

  /**
   * Signal-to-noise ratio in dB of {@code decoded} against {@code reference}, comparing {@code
   * count} samples from {@code start} in the reference with the decoded samples {@code delay} later
   * (the codec's delay).
   */
  static double snrDb(short[] reference, short[] decoded, int start, int count, int delay) {
    double signal = 0;
    double noise = 0;
    for (int i = start; i < start + count; i++) {
      double r = reference[i];
      double error = r - decoded[i + delay];
      signal += r * r;
      noise += error * error;
    }
    return 10 * Math.log10(signal / noise);
  }

  /** The energy of {@code b} relative to {@code a} over the same span, in dB. */
  static double gainDb(short[] a, short[] b, int start, int count, int delay) {
    double ea = 0;
    double eb = 0;
    for (int i = start; i < start + count; i++) {
      ea += (double) a[i] * a[i];
      eb += (double) b[i + delay] * b[i + delay];
    }
    return 10 * Math.log10(eb / ea);
  }

  static byte[] resource(String name) {
    try (InputStream in = Signals.class.getResourceAsStream("/codec/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource codec/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes this thread allocates while running {@code work}. */
  static long allocatedBy(Runnable work) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
