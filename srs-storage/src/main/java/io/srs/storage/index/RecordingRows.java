package io.srs.storage.index;

import io.srs.core.port.IndexedRecording;
import io.srs.core.session.RecordingId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** How a row of {@code recordings} is written and read. Pure, apart from reading a result set. */
final class RecordingRows {

  /** The columns every query selects, in the order {@link #read} reads them. */
  static final String COLUMNS =
      "r.id, r.call_id, r.group_id, r.started_at, r.ended_at, r.duration_ms, r.end_reason,"
          + " r.location, r.status, r.metadata_matched";

  /** Oldest first; recordings with no known start last; ties in id (creation) order. */
  static final String OLDEST_FIRST = " ORDER BY r.started_at IS NULL, r.started_at, r.id";

  /** Newest first; recordings with no known start last. */
  static final String NEWEST_FIRST = " ORDER BY r.started_at IS NULL, r.started_at DESC, r.id DESC";

  /** Fixed width, millisecond precision (finer digits are dropped): text order is time order. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private RecordingRows() {}

  /** An instant as stored, or null. */
  static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant);
  }

  /** A stored time read back, or null. */
  static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  /** The recording under the result set's cursor, with its fields. */
  static IndexedRecording read(ResultSet row, Map<String, String> fields) throws SQLException {
    return new IndexedRecording(
        new RecordingId(row.getString(1)),
        row.getString(2),
        row.getString(3),
        instant(row.getString(4)),
        instant(row.getString(5)),
        row.getLong(6),
        row.getString(7),
        row.getString(8),
        row.getString(9),
        row.getInt(10) != 0,
        fields);
  }
}
