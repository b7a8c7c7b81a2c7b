package io.srs.rtp.srtp;

import java.util.HexFormat;

/** Hex in test vectors, spaces and line breaks allowed as the RFCs print them. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT));
  }

  static String of(byte[] bytes, int offset, int length) {
    return HexFormat.of().formatHex(bytes, offset, offset + length);
  }
}
