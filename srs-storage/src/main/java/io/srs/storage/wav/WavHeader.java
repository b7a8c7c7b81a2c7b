package io.srs.storage.wav;

import io.srs.core.media.AudioEncoding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The RIFF/WAVE header of a stored track: pure encoding, no I/O. All numbers are little endian.
 *
 * <p>Non-PCM formats (G.711 mu-law 0x0007, A-law 0x0006) use the 18-byte {@code fmt } chunk with
 * {@code cbSize = 0} and carry a {@code fact} chunk, as the Microsoft multimedia specification
 * ("Multimedia Programming Interface and Data Specifications 1.0", WAVE form; WAVEFORMATEX)
 * requires of every non-PCM format. PCM uses the 16-byte {@code fmt } chunk and no {@code fact}.
 *
 * <pre>
 *  G.711 (MULAW / ALAW), 58-byte header       PCM16, 44-byte header
 *  offset size field                          offset size field
 *  ------ ---- ---------------------------    ------ ---- ---------------------------
 *       0    4 "RIFF"                              0    4 "RIFF"
 *       4    4 RIFF size = 50 + data + pad         4    4 RIFF size = 36 + data + pad
 *       8    4 "WAVE"                              8    4 "WAVE"
 *      12    4 "fmt "                             12    4 "fmt "
 *      16    4 fmt size = 18                      16    4 fmt size = 16
 *      20    2 wFormatTag (7 or 6)                20    2 wFormatTag = 1
 *      22    2 nChannels                          22    2 nChannels
 *      24    4 nSamplesPerSec                     24    4 nSamplesPerSec
 *      28    4 nAvgBytesPerSec                    28    4 nAvgBytesPerSec
 *      32    2 nBlockAlign                        32    2 nBlockAlign
 *      34    2 wBitsPerSample = 8                 34    2 wBitsPerSample = 16
 *      36    2 cbSize = 0                         36    4 "data"
 *      38    4 "fact"                             40    4 data size (bytes)
 *      42    4 fact size = 4                      44      samples ...
 *      46    4 dwSampleLength (per channel)
 *      50    4 "data"
 *      54    4 data size (bytes)
 *      58      samples ...
 * </pre>
 *
 * RIFF requires every chunk to start on an even offset: when the data size is odd a single pad byte
 * follows the samples; it counts in the RIFF size but not in the data size.
 */
public final class WavHeader {

  /** A track is mono unless a stereo layout is asked for; two channels at most today. */
  public static final int MAX_CHANNELS = 2;

  /** Above any rate a stored codec has (Opus decodes to 48 kHz). */
  public static final int MAX_SAMPLE_RATE = 192_000;

  static final int RIFF_ID = 0;
  static final int RIFF_SIZE = 4;
  static final int WAVE_ID = 8;
  static final int FMT_ID = 12;
  static final int FMT_SIZE = 16;
  static final int FORMAT_TAG = 20;
  static final int CHANNELS = 22;
  static final int SAMPLE_RATE = 24;
  static final int BYTE_RATE = 28;
  static final int BLOCK_ALIGN = 32;
  static final int BITS_PER_SAMPLE = 34;

  /** Non-PCM only. */
  static final int CB_SIZE = 36;

  static final int PCM_FMT_BODY = 16;
  static final int EXTENSIBLE_FMT_BODY = 18;
  static final int FACT_BODY = 4;

  private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
  private static final byte[] WAVE = {'W', 'A', 'V', 'E'};
  private static final byte[] FMT = {'f', 'm', 't', ' '};
  private static final byte[] FACT = {'f', 'a', 'c', 't'};
  private static final byte[] DATA = {'d', 'a', 't', 'a'};

  private final AudioEncoding encoding;
  private final int sampleRate;
  private final int channels;
  private final boolean pcm;
  private final int length;
  private final int factSampleLengthOffset;
  private final int dataSizeOffset;

  private WavHeader(AudioEncoding encoding, int sampleRate, int channels) {
    this.encoding = Objects.requireNonNull(encoding, "encoding");
    if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "sample rate " + sampleRate + " outside 1.." + MAX_SAMPLE_RATE);
    }
    if (channels < 1 || channels > MAX_CHANNELS) {
      throw new IllegalArgumentException("channels " + channels + " outside 1.." + MAX_CHANNELS);
    }
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.pcm = encoding.wavFormatTag() == 0x0001;
    int fmtBody = pcm ? PCM_FMT_BODY : EXTENSIBLE_FMT_BODY;
    int afterFmt = FMT_SIZE + 4 + fmtBody;
    this.factSampleLengthOffset = pcm ? -1 : afterFmt + 8;
    int dataId = pcm ? afterFmt : afterFmt + 8 + FACT_BODY;
    this.dataSizeOffset = dataId + 4;
    this.length = dataId + 8;
  }

  public static WavHeader of(AudioEncoding encoding, int sampleRate, int channels) {
    return new WavHeader(encoding, sampleRate, channels);
  }

  public AudioEncoding encoding() {
    return encoding;
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int channels() {
    return channels;
  }

  /** Header bytes before the first sample: 58 for G.711, 44 for PCM. */
  public int length() {
    return length;
  }

  /** Bytes per sample frame (all channels). */
  public int blockAlign() {
    return channels * encoding.bytesPerSample();
  }

  /** Offset of {@code dwSampleLength} in the {@code fact} chunk, or -1 for PCM (no fact). */
  public int factSampleLengthOffset() {
    return factSampleLengthOffset;
  }

  /** Offset of the {@code data} chunk's size field. */
  public int dataSizeOffset() {
    return dataSizeOffset;
  }

  /**
   * The most sample bytes a WAV file can hold: the RIFF size is an unsigned 32-bit number and must
   * leave room for a pad byte; rounded down to whole sample frames.
   */
  public long maxDataBytes() {
    long room = 0xFFFF_FFFFL - (length - 8) - 1;
    return room - room % blockAlign();
  }

  /**
   * Writes the whole header for {@code dataBytes} bytes of samples at the buffer's position,
   * advancing it by {@link #length()}. Allocates nothing: the writer re-encodes into one buffer.
   *
   * @param padded whether the pad byte after odd-length data is present in the file yet
   */
  public void encode(ByteBuffer dst, long dataBytes, boolean padded) {
    if (dataBytes < 0 || dataBytes > maxDataBytes()) {
      throw new IllegalArgumentException(
          "data size " + dataBytes + " outside 0.." + maxDataBytes());
    }
    long pad = padded ? dataBytes & 1 : 0;
    dst.order(ByteOrder.LITTLE_ENDIAN);
    dst.put(RIFF).putInt((int) (length - 8 + dataBytes + pad)).put(WAVE);
    dst.put(FMT).putInt(pcm ? PCM_FMT_BODY : EXTENSIBLE_FMT_BODY);
    dst.putShort((short) encoding.wavFormatTag())
        .putShort((short) channels)
        .putInt(sampleRate)
        .putInt(sampleRate * blockAlign())
        .putShort((short) blockAlign())
        .putShort((short) encoding.bitsPerSample());
    if (!pcm) {
      dst.putShort((short) 0); // cbSize: no extra format bytes
      dst.put(FACT).putInt(FACT_BODY).putInt((int) (dataBytes / blockAlign()));
    }
    dst.put(DATA).putInt((int) dataBytes);
  }

  @Override
  public String toString() {
    return encoding + "/" + sampleRate + "Hz/" + channels + "ch";
  }
}
