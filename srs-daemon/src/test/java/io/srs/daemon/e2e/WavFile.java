package io.srs.daemon.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a RIFF/WAVE file's format tag and data chunk, independently of the storage module. */
record WavFile(int formatTag, int sampleRate, int bitsPerSample, byte[] data) {

  static WavFile read(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.getInt(0) != 0x46464952 || bytes.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
      throw new AssertionError(file + " is not RIFF/WAVE");
    }
    int formatTag = -1;
    int sampleRate = -1;
    int bits = -1;
    int position = 12;
    while (position + 8 <= bytes.limit()) {
      int id = bytes.getInt(position);
      int size = bytes.getInt(position + 4);
      int body = position + 8;
      if (id == 0x20746d66) { // "fmt "
        formatTag = bytes.getShort(body) & 0xFFFF;
        sampleRate = bytes.getInt(body + 4);
        bits = bytes.getShort(body + 14) & 0xFFFF;
      } else if (id == 0x61746164) { // "data"
        byte[] data = Arrays.copyOfRange(bytes.array(), body, body + size);
        return new WavFile(formatTag, sampleRate, bits, data);
      }
      position = body + size + (size & 1);
    }
    throw new AssertionError(file + " has no data chunk");
  }

  double seconds() {
    return data.length / (double) (sampleRate * (bitsPerSample / 8));
  }
}
