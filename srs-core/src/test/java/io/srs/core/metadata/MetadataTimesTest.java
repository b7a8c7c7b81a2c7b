package io.srs.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code xs:dateTime} shapes SRCs write, and the ones that mean "time unknown". */
class MetadataTimesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2010-12-16T23:41:07Z, 2010-12-16T23:41:07Z",
    "2010-12-16T23:41:07.123Z, 2010-12-16T23:41:07.123Z",
    "2010-12-16T23:41:07+00:00, 2010-12-16T23:41:07Z",
    "2010-12-16T23:41:07+0000, 2010-12-16T23:41:07Z",
    "2010-12-16T23:41:07.5+0130, 2010-12-16T22:11:07.500Z",
    "2010-12-16T23:41:07-05, 2010-12-17T04:41:07Z",
    "2010-12-16T23:41:07, 2010-12-16T23:41:07Z",
    "2010-12-16 23:41:07, 2010-12-16T23:41:07Z",
    "2010-12-16t23:41:07z, 2010-12-16T23:41:07Z",
    "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
    "'  2010-12-16T23:41:07Z\n', 2010-12-16T23:41:07Z"
  })
  void aTimeInAnyShapeSeenIsRead(String text, String expected) {
    assertThat(MetadataTimes.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {"", "yesterday", "2010-12-16", "23:41:07", "2010-13-45T99:00:00Z", "1292542867"})
  void anUnreadableTimeIsUnknownNotAnError(String text) {
    assertThat(MetadataTimes.parse(text)).isNull();
  }

  @ParameterizedTest(name = "{0} characters")
  @ValueSource(ints = {65, 10_000})
  void anOverlongValueIsNotParsed(int length) {
    assertThat(MetadataTimes.parse("2".repeat(length))).isNull();
  }
}
