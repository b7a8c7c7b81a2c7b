package io.srs.sip.handler;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** To tags (RFC 3261 §19.3: at least 32 bits of randomness); ours carry 64. */
final class Tags {
  private Tags() {}

  static String newTag(RandomGenerator random) {
    return HexFormat.of().toHexDigits(random.nextLong());
  }
}
