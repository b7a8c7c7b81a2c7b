package io.srs.storage.index;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The index's tables and connection settings.
 *
 * <pre>
 * schema_version(version)                       one row: {@value #VERSION}
 * recordings(id PK, call_id, group_id, started_at, ended_at, duration_ms, end_reason,
 *            location, status, metadata_matched, indexed_at)
 *     index on group_id, index on started_at
 * recording_fields(recording_id FK, name, value) PK (recording_id, name)
 *     index on (name, value)
 * </pre>
 *
 * Times are ISO-8601 UTC text with exactly three fraction digits ({@code
 * 2026-11-25T18:50:46.300Z}): fixed width, so text order is time order, and readable in the {@code
 * sqlite3} shell. Changing a column's meaning bumps {@link #VERSION}.
 */
final class IndexSchema {

  /** The schema this build writes and reads. */
  static final int VERSION = 1;

  /** How long a statement waits for another process's lock before failing (SQLITE_BUSY). */
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

  private static final List<String> TABLES =
      List.of(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
          "CREATE TABLE IF NOT EXISTS recordings ("
              + " id TEXT PRIMARY KEY NOT NULL,"
              + " call_id TEXT,"
              + " group_id TEXT,"
              + " started_at TEXT,"
              + " ended_at TEXT,"
              + " duration_ms INTEGER NOT NULL,"
              + " end_reason TEXT,"
              + " location TEXT NOT NULL,"
              + " status TEXT NOT NULL CHECK (status IN ('complete', 'incomplete')),"
              + " metadata_matched INTEGER NOT NULL CHECK (metadata_matched IN (0, 1)),"
              + " indexed_at TEXT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS recording_fields ("
              + " recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,"
              + " name TEXT NOT NULL,"
              + " value TEXT NOT NULL,"
              + " PRIMARY KEY (recording_id, name))",
          "CREATE INDEX IF NOT EXISTS recordings_group_id ON recordings(group_id)",
          "CREATE INDEX IF NOT EXISTS recordings_started_at ON recordings(started_at)",
          "CREATE INDEX IF NOT EXISTS recording_fields_name_value"
              + " ON recording_fields(name, value)");

  private IndexSchema() {}

  /**
   * Per-connection settings, outside any transaction. WAL lets readers run beside the writer;
   * {@code synchronous=FULL} syncs the WAL at every commit, so an acknowledged {@code add} survives
   * a power cut (NORMAL could lose the last commits, and the index is part of "findable").
   */
  static void configure(Connection connection, Path file) throws SQLException, IOException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT.toMillis());
      statement.execute("PRAGMA foreign_keys = ON");
      statement.execute("PRAGMA synchronous = FULL");
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
        String got = mode.next() ? mode.getString(1) : null;
        if (got == null || !got.toLowerCase(Locale.ROOT).equals("wal")) {
          throw new IOException(
              "recording index " + file + ": journal mode is " + got + ", expected wal");
        }
      }
    }
  }

  /** Creates what is missing and checks the version, in one transaction. */
  static void create(Connection connection, Path file) throws SQLException, IOException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String ddl : TABLES) {
        statement.execute(ddl);
      }
      Integer found = null;
      try (ResultSet rows = statement.executeQuery("SELECT max(version) FROM schema_version")) {
        if (rows.next()) {
          int version = rows.getInt(1);
          found = rows.wasNull() ? null : version;
        }
      }
      if (found == null) {
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
          insert.setInt(1, VERSION);
          insert.executeUpdate();
        }
      } else if (found != VERSION) {
        throw new IOException(
            "recording index "
                + file
                + " has schema version "
                + found
                + ", this build reads version "
                + VERSION);
      }
      connection.commit();
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
