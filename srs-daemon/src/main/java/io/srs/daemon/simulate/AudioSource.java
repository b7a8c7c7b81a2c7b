package io.srs.daemon.simulate;

import io.srs.core.media.G711;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linear PCM16 for a simulated stream: a WAV file (mono, 8 kHz PCM16, mu-law or A-law; or 16 kHz
 * PCM16 for G.722) or a generated tone. Read once, shared by every call.
 */
public final class AudioSource {
  /** Largest WAV file read: about 70 minutes of 8 kHz PCM16. */
  public static final long MAX_WAV_BYTES = 64L * 1024 * 1024;

  /** Amplitude of generated tones: about -9 dBFS, well inside G.711's range. */
  static final int TONE_AMPLITUDE = 12000;

  private static final int WAVE_FORMAT_PCM = 1;
  private static final int WAVE_FORMAT_ALAW = 6;
  private static final int WAVE_FORMAT_MULAW = 7;

  private AudioSource() {}

  /** One second of a sine tone at {@code sampleRate}: a whole number of periods for integer Hz. */
  public static short[] tone(double frequencyHz, int sampleRate) {
    short[] out = new short[sampleRate];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          (short) Math.round(TONE_AMPLITUDE * Math.sin(2 * Math.PI * frequencyHz * i / sampleRate));
    }
    return out;
  }

  /** Reads a WAV file as PCM16 at {@code sampleRate} (8 kHz input is doubled for 16 kHz). */
  public static short[] wav(Path file, int sampleRate) throws IOException {
    long size = Files.size(file);
    if (size > MAX_WAV_BYTES) {
      throw new IOException(file + " is " + size + " bytes; the limit is " + MAX_WAV_BYTES);
    }
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.limit() < 12 || bytes.getInt(0) != 0x46464952 || bytes.getInt(8) != 0x45564157) {
      throw new IOException(file + " is not a RIFF/WAVE file");
    }
    int format = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    int position = 12;
    while (position + 8 <= bytes.limit()) {
      int id = bytes.getInt(position);
      int chunk = bytes.getInt(position + 4);
      int body = position + 8;
      if (chunk < 0 || body + chunk > bytes.limit()) {
        chunk = bytes.limit() - body; // a truncated last chunk: read what is there
      }
      if (id == 0x20746d66 && chunk >= 16) { // "fmt "
        format = bytes.getShort(body) & 0xFFFF;
        channels = bytes.getShort(body + 2) & 0xFFFF;
        rate = bytes.getInt(body + 4);
        bits = bytes.getShort(body + 14) & 0xFFFF;
      } else if (id == 0x61746164) { // "data"
        if (format < 0) {
          throw new IOException(file + ": data chunk before fmt chunk");
        }
        short[] pcm = decode(file, bytes, body, chunk, format, channels, rate, bits);
        if (rate == sampleRate) {
          return pcm;
        }
        if (rate == 8000 && sampleRate == 16000) {
          return doubleRate(pcm);
        }
        throw new IOException(
            file + " is " + rate + " Hz; expected 8000 Hz (or 16000 Hz PCM16 for G.722)");
      }
      position = body + chunk + (chunk & 1);
    }
    throw new IOException(file + " has no data chunk");
  }

  private static short[] decode(
      Path file,
      ByteBuffer bytes,
      int offset,
      int length,
      int format,
      int channels,
      int rate,
      int bits)
      throws IOException {
    if (channels != 1) {
      throw new IOException(file + " has " + channels + " channels; expected mono");
    }
    if (format == WAVE_FORMAT_PCM && bits == 16) {
      short[] pcm = new short[length / 2];
      for (int i = 0; i < pcm.length; i++) {
        pcm[i] = bytes.getShort(offset + 2 * i);
      }
      return pcm;
    }
    if ((format == WAVE_FORMAT_MULAW || format == WAVE_FORMAT_ALAW) && bits == 8 && rate == 8000) {
      short[] pcm = new short[length];
      for (int i = 0; i < length; i++) {
        byte code = bytes.get(offset + i);
        pcm[i] = format == WAVE_FORMAT_MULAW ? G711.mulawToLinear(code) : G711.alawToLinear(code);
      }
      return pcm;
    }
    throw new IOException(
        file + " is format " + format + " with " + bits + " bits; expected PCM16, mu-law or A-law");
  }

  /** 8 kHz to 16 kHz by linear interpolation: enough for a test signal under 4 kHz. */
  private static short[] doubleRate(short[] in) {
    short[] out = new short[in.length * 2];
    for (int i = 0; i < in.length; i++) {
      int next = i + 1 < in.length ? in[i + 1] : in[i];
      out[2 * i] = in[i];
      out[2 * i + 1] = (short) ((in[i] + next) / 2);
    }
    return out;
  }
}
