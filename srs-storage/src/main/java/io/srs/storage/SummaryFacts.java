package io.srs.storage;

import io.srs.core.port.RecordingSummary;
import io.srs.core.session.EndReason;
import java.util.Locale;

/**
 * What the sidecar and the index both derive from a summary, derived in one place so a recording
 * reads the same in {@code metadata.json} and in a search result. Pure functions.
 */
public final class SummaryFacts {

  private SummaryFacts() {}

  /** The summary's status ({@link RecordingStatus#of}). */
  public static RecordingStatus status(RecordingSummary summary) {
    return RecordingStatus.of(summary.endReason());
  }

  /**
   * The group linking recordings of one call (RFC 7865 §6.2; a transfer by BYE plus a new INVITE):
   * the summary's own, else the metadata's, else null.
   */
  public static String groupId(RecordingSummary summary) {
    if (summary.groupId() != null) {
      return summary.groupId();
    }
    return summary.metadata() == null ? null : summary.metadata().groupId();
  }

  /** True when no required field is missing: the unit of the metadata match rate. */
  public static boolean metadataMatched(RecordingSummary summary) {
    return summary.missingFields().isEmpty();
  }

  /** The end reason as stored ({@code bye}, {@code media_timeout}, ...), or null. */
  public static String endReason(EndReason reason) {
    return reason == null ? null : reason.name().toLowerCase(Locale.ROOT);
  }
}
