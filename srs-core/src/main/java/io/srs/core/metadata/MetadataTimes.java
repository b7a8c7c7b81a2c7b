package io.srs.core.metadata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code xs:dateTime} values of RFC 7865 ({@code associate-time}, {@code start-time}…) as
 * SRCs actually write them: with {@code Z}, with {@code +00:00} or {@code +0000} or {@code +00},
 * without a zone (taken as UTC: the schema leaves it undefined and SRCs mean UTC), with fractional
 * seconds, with a space instead of {@code T}. A value that is none of these is not an error: the
 * time is unknown (null) and the rest of the document still counts. Times in 1970 (an SRC whose
 * clock was never set) are kept as sent; callers judge plausibility.
 */
final class MetadataTimes {
  private MetadataTimes() {}

  /** The longest value we try to read; a date-time is about 35 characters. */
  static final int MAX_LENGTH = 64;

  /** {@code +hhmm} or {@code +hh} at the end, which ISO-8601 allows and java.time does not. */
  private static final Pattern SHORT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})?$");

  /** A time of day: the offset pattern must not eat the seconds of a zone-less value. */
  private static final Pattern TIME_THEN_OFFSET =
      Pattern.compile(".*T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?[+-]\\d{2}(\\d{2})?$");

  static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      return null;
    }
    value = value.toUpperCase(Locale.ROOT);
    if (value.length() > 10 && value.charAt(10) == ' ') {
      value = value.substring(0, 10) + 'T' + value.substring(11);
    }
    if (TIME_THEN_OFFSET.matcher(value).matches()) {
      Matcher offset = SHORT_OFFSET.matcher(value);
      if (offset.find()) {
        String minutes = offset.group(2) == null ? "00" : offset.group(2);
        value = value.substring(0, offset.start()) + offset.group(1) + ":" + minutes;
      }
    }
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException withOffset) {
      try {
        return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeException withoutOffset) {
        return null;
      }
    }
  }
}
