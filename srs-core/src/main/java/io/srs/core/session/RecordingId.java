package io.srs.core.session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A recording's identity: {@code 20261125T185046Z-3f9a1c2b7d04e5a6}. Sortable by creation time so a
 * directory listing reads like a call log, with 64 random bits so concurrent nodes never collide.
 * Safe as a file name on every platform.
 */
public record RecordingId(String value) implements Comparable<RecordingId> {
  private static final Pattern FORMAT = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{16}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public RecordingId {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a recording id: " + value);
    }
  }

  public static RecordingId generate(Instant now, RandomGenerator random) {
    byte[] bits = new byte[8];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = (byte) random.nextInt(256);
    }
    return new RecordingId(STAMP.format(now) + "-" + HexFormat.of().formatHex(bits));
  }

  @Override
  public int compareTo(RecordingId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
