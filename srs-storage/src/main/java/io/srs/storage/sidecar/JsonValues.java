package io.srs.storage.sidecar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.srs.core.port.GapCause;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** How the sidecar spells values: one place, so every field uses the same units and names. */
final class JsonValues {

  private JsonValues() {}

  /** ISO-8601 in UTC ('Z'), or null. */
  static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Appends {@code values} to {@code array} in order; returns the array. */
  static ArrayNode strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
    return array;
  }

  /**
   * Samples on a track's timeline as whole milliseconds, rounded down: an offset never points past
   * the sample it names. A rate of 0 (unknown) gives 0 rather than a division error.
   */
  static long millis(long samples, int sampleRate) {
    return sampleRate <= 0 ? 0 : Math.multiplyExact(samples, 1000L) / sampleRate;
  }

  /** An RTP SSRC (RFC 3550 §5.1, unsigned 32 bits) as 8 lower-case hex digits, or null if < 0. */
  static String ssrc(long ssrc) {
    return ssrc < 0 ? null : String.format(Locale.ROOT, "%08x", ssrc & 0xFFFF_FFFFL);
  }

  /** Our names for gap causes, spelled out so a rename in core does not change the schema. */
  static String cause(GapCause cause) {
    return switch (cause) {
      case LEAD_IN -> "lead_in";
      case LOSS -> "loss";
      case DTX -> "dtx";
      case PAUSE -> "pause";
      case HOLD -> "hold";
      case REANCHOR -> "reanchor";
      case TAIL -> "tail";
    };
  }
}
