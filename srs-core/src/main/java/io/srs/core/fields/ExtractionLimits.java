package io.srs.core.fields;

/**
 * Bounds on what one extraction reads (STYLE.md rule 7): the raw metadata of a long call with many
 * updates must not make extraction slow.
 *
 * @param maxBodies the most raw metadata bodies considered, latest first
 * @param maxTotalBytes the most raw bytes parsed in one extraction; an older body that would pass
 *     it is skipped
 * @param maxValueChars the longest value a rule accepts (before its regex); longer values are not a
 *     field, and are ignored
 */
public record ExtractionLimits(int maxBodies, int maxTotalBytes, int maxValueChars) {

  /** The last 16 versions, 256 KiB in all, values up to 1,024 characters. */
  public static final ExtractionLimits DEFAULT = new ExtractionLimits(16, 256 * 1024, 1024);

  public ExtractionLimits {
    if (maxBodies < 1 || maxTotalBytes < 1 || maxValueChars < 1) {
      throw new IllegalArgumentException(
          "extraction limits must be positive, got bodies="
              + maxBodies
              + " bytes="
              + maxTotalBytes
              + " chars="
              + maxValueChars);
    }
  }
}
