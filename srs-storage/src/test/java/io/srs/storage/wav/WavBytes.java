package io.srs.storage.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A WAV file's bytes with little-endian readers by offset, for asserting headers field by field.
 */
final class WavBytes {
  final byte[] bytes;
  private final ByteBuffer buffer;

  private WavBytes(byte[] bytes) {
    this.bytes = bytes;
    this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  static WavBytes read(Path file) throws IOException {
    return new WavBytes(Files.readAllBytes(file));
  }

  String fourCc(int offset) {
    return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
  }

  long u32(int offset) {
    return Integer.toUnsignedLong(buffer.getInt(offset));
  }

  int u16(int offset) {
    return Short.toUnsignedInt(buffer.getShort(offset));
  }

  byte[] range(int from, int length) {
    byte[] out = new byte[length];
    System.arraycopy(bytes, from, out, 0, length);
    return out;
  }

  int length() {
    return bytes.length;
  }
}
