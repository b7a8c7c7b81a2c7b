package io.srs.storage.index;

import io.srs.core.port.IndexedRecording;
import io.srs.core.port.RecordingIndex;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.StoredRecording;
import io.srs.core.session.RecordingId;
import io.srs.storage.SummaryFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The recording index in one SQLite file (DESIGN.md: "SQLite embedded"), schema in {@link
 * IndexSchema}. One connection, one lock: writes come from the finaliser a few times a second and
 * reads from the API, far below what one connection serves; the lock makes every call atomic and
 * the class thread-safe. Other processes (the {@code sqlite3} shell, a second reader) may open the
 * file too: WAL mode and a busy timeout let them.
 *
 * <p>{@code started_at} is the summary's {@code mediaStartedAt}, else its {@code answeredAt} (a
 * call cancelled before media has only the latter). Times keep millisecond precision. An unknown
 * duration is stored as 0.
 */
public final class SqliteRecordingIndex implements RecordingIndex {

  /** The most rows one query returns, whatever limit the caller asks for. */
  public static final int MAX_RESULTS = 1000;

  private static final String UPSERT =
      "INSERT INTO recordings (id, call_id, group_id, started_at, ended_at, duration_ms,"
          + " end_reason, location, status, metadata_matched, indexed_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET call_id = excluded.call_id,"
          + " group_id = excluded.group_id, started_at = excluded.started_at,"
          + " ended_at = excluded.ended_at, duration_ms = excluded.duration_ms,"
          + " end_reason = excluded.end_reason, location = excluded.location,"
          + " status = excluded.status, metadata_matched = excluded.metadata_matched,"
          + " indexed_at = excluded.indexed_at";
  private static final String DELETE_FIELDS = "DELETE FROM recording_fields WHERE recording_id = ?";
  private static final String INSERT_FIELD =
      "INSERT INTO recording_fields (recording_id, name, value) VALUES (?, ?, ?)";
  private static final String SELECT_FIELDS =
      "SELECT name, value FROM recording_fields WHERE recording_id = ? ORDER BY name";
  private static final String BY_ID =
      "SELECT " + RecordingRows.COLUMNS + " FROM recordings r WHERE r.id = ?";
  private static final String BY_GROUP =
      "SELECT "
          + RecordingRows.COLUMNS
          + " FROM recordings r WHERE r.group_id = ?"
          + RecordingRows.OLDEST_FIRST
          + " LIMIT ?";
  private static final String BY_FIELD =
      "SELECT "
          + RecordingRows.COLUMNS
          + " FROM recordings r JOIN recording_fields f ON f.recording_id = r.id"
          + " WHERE f.name = ? AND f.value = ?"
          + RecordingRows.NEWEST_FIRST
          + " LIMIT ?";

  private final Path file;
  private final Connection connection;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  private SqliteRecordingIndex(Path file, Connection connection, Clock clock) {
    this.file = file;
    this.connection = connection;
    this.clock = clock;
  }

  /** Opens (creating file, parent directories and schema when missing) with the system clock. */
  public static SqliteRecordingIndex open(Path databaseFile) throws IOException {
    return open(databaseFile, Clock.systemUTC());
  }

  /**
   * Opens the index in {@code databaseFile}, creating what is missing.
   *
   * @param clock stamps {@code indexed_at}
   * @throws IOException naming the file when it cannot be created or opened, is not a database, or
   *     holds a schema version this build does not read
   */
  public static SqliteRecordingIndex open(Path databaseFile, Clock clock) throws IOException {
    Objects.requireNonNull(clock, "clock");
    Path file = databaseFile.toAbsolutePath().normalize();
    if (file.getParent() != null) {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new IOException(
            "cannot create the directory of recording index " + file + ": " + e, e);
      }
    }
    if (Files.isDirectory(file)) {
      throw new IOException(
          "recording index " + file + " is a directory, expected a database file");
    }
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      IndexSchema.configure(connection, file);
      IndexSchema.create(connection, file);
      return new SqliteRecordingIndex(file, connection, clock);
    } catch (SQLException e) {
      IOException failure =
          new IOException("cannot open recording index " + file + ": " + e.getMessage(), e);
      closeQuietly(connection, failure);
      throw failure;
    } catch (IOException | RuntimeException e) {
      closeQuietly(connection, e);
      throw e;
    }
  }

  /** The database file, absolute. */
  public Path file() {
    return file;
  }

  @Override
  public void add(RecordingSummary summary, StoredRecording stored) throws IOException {
    if (!summary.id().equals(stored.id())) {
      throw new IllegalArgumentException(
          "summary of " + summary.id() + " but stored recording " + stored.id());
    }
    String id = summary.id().value();
    Instant started =
        summary.mediaStartedAt() != null ? summary.mediaStartedAt() : summary.answeredAt();
    lock.lock();
    try {
      ensureOpen();
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
          upsert.setString(1, id);
          upsert.setString(2, summary.callId());
          upsert.setString(3, SummaryFacts.groupId(summary));
          upsert.setString(4, RecordingRows.time(started));
          upsert.setString(5, RecordingRows.time(summary.endedAt()));
          upsert.setLong(6, summary.duration() == null ? 0 : summary.duration().toMillis());
          upsert.setString(7, SummaryFacts.endReason(summary.endReason()));
          upsert.setString(8, stored.location());
          upsert.setString(9, SummaryFacts.status(summary).value());
          upsert.setInt(10, SummaryFacts.metadataMatched(summary) ? 1 : 0);
          upsert.setString(11, RecordingRows.time(clock.instant()));
          upsert.executeUpdate();
        }
        replaceFields(id, summary.fields());
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("add " + id, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<IndexedRecording> byId(RecordingId id) throws IOException {
    List<IndexedRecording> found = query("byId " + id, BY_ID, id.value());
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** At most {@link #MAX_RESULTS}: a group is the legs of one call, a handful in practice. */
  @Override
  public List<IndexedRecording> byGroup(String groupId) throws IOException {
    Objects.requireNonNull(groupId, "groupId");
    return query("byGroup " + groupId, BY_GROUP, groupId, MAX_RESULTS);
  }

  /** {@code limit} is capped at {@link #MAX_RESULTS}. */
  @Override
  public List<IndexedRecording> byField(String field, String value, int limit) throws IOException {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return query(
        "byField " + field + "=" + value, BY_FIELD, field, value, Math.min(limit, MAX_RESULTS));
  }

  /** Idempotent; every later call fails naming the file. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    } finally {
      lock.unlock();
    }
  }

  /** A pragma's value on this index's connection (for tests: the settings are per connection). */
  String pragma(String name) throws IOException {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a pragma name: " + name);
    }
    lock.lock();
    try (PreparedStatement statement = connection.prepareStatement("PRAGMA " + name);
        ResultSet row = statement.executeQuery()) {
      return row.next() ? row.getString(1) : null;
    } catch (SQLException e) {
      throw failure("pragma " + name, e);
    } finally {
      lock.unlock();
    }
  }

  private void replaceFields(String id, Map<String, String> fields) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(DELETE_FIELDS)) {
      delete.setString(1, id);
      delete.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_FIELD)) {
      for (Map.Entry<String, String> field : fields.entrySet()) {
        if (field.getKey() == null || field.getValue() == null) {
          continue; // nothing to find a recording by
        }
        insert.setString(1, id);
        insert.setString(2, field.getKey());
        insert.setString(3, field.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private List<IndexedRecording> query(String operation, String sql, Object... parameters)
      throws IOException {
    lock.lock();
    try {
      ensureOpen();
      List<IndexedRecording> found = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          select.setObject(i + 1, parameters[i]);
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(RecordingRows.read(rows, fields(rows.getString(1))));
          }
        }
      }
      return found;
    } catch (SQLException e) {
      throw failure(operation, e);
    } finally {
      lock.unlock();
    }
  }

  private Map<String, String> fields(String id) throws SQLException {
    Map<String, String> fields = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_FIELDS)) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          fields.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return fields;
  }

  /** Undoes the half-done add; a failing rollback must not hide why the add failed. */
  private void rollback(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("recording index " + file + " is closed");
    }
  }

  private IOException failure(String operation, SQLException e) {
    return new IOException(
        "recording index " + file + ": " + operation + " failed: " + e.getMessage(), e);
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
