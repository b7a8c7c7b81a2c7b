package io.srs.rtp;

import io.srs.core.port.TrackSink;
import java.io.ByteArrayOutputStream;

/** A track held in memory. Synchronized so a test thread may read what an event loop wrote. */
public final class InMemoryTrackSink implements TrackSink {
  private final byte silence;
  private final int bytesPerSample;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  public InMemoryTrackSink(byte silence) {
    this(silence, 1);
  }

  public InMemoryTrackSink(byte silence, int bytesPerSample) {
    this.silence = silence;
    this.bytesPerSample = bytesPerSample;
  }

  /** A PCM16 track: silence is zero, two bytes a sample. */
  public static InMemoryTrackSink pcm16() {
    return new InMemoryTrackSink((byte) 0, 2);
  }

  /** A mu-law track: silence is 0xFF. */
  public static InMemoryTrackSink mulaw() {
    return new InMemoryTrackSink((byte) 0xFF);
  }

  @Override
  public synchronized void write(byte[] source, int offset, int length) {
    bytes.write(source, offset, length);
  }

  @Override
  public synchronized void writeSilence(long samples) {
    for (long i = 0; i < samples * bytesPerSample; i++) {
      bytes.write(silence);
    }
  }

  @Override
  public synchronized long samplesWritten() {
    return bytes.size() / bytesPerSample;
  }

  public synchronized byte[] bytes() {
    return bytes.toByteArray();
  }
}
