package io.srs.storage.index;

import static io.srs.storage.index.IndexFixtures.MEDIA;
import static io.srs.storage.index.IndexFixtures.fields;
import static io.srs.storage.index.IndexFixtures.id;
import static io.srs.storage.index.IndexFixtures.stored;
import static io.srs.storage.index.IndexFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.srs.core.port.IndexedRecording;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index as a file: creation, settings, durability across reopen, concurrency, bad paths. */
class SqliteRecordingIndexFileTest {
  @TempDir Path dir;

  @Test
  void openCreatesTheFileAndItsParentDirectories() throws IOException {
    Path file = dir.resolve("var/lib/srs/index.db");

    try (SqliteRecordingIndex index = SqliteRecordingIndex.open(file)) {
      assertThat(index.file()).isEqualTo(file.toAbsolutePath());
    }

    assertThat(file).isRegularFile();
  }

  @Test
  void whatWasAddedIsFoundAfterCloseAndReopen() throws IOException {
    Path file = dir.resolve("index.db");
    try (SqliteRecordingIndex index = SqliteRecordingIndex.open(file)) {
      index.add(summary(id(1), MEDIA, fields("agentId", "agent42")), stored(id(1)));
    }

    try (SqliteRecordingIndex index = SqliteRecordingIndex.open(file)) {
      assertThat(index.byId(id(1))).isPresent();
      assertThat(index.byField("agentId", "agent42", 10)).hasSize(1);
    }
  }

  @Test
  void theConnectionUsesWalFullSyncAndABusyTimeout() throws IOException {
    try (SqliteRecordingIndex index = SqliteRecordingIndex.open(dir.resolve("index.db"))) {
      assertThat(index.pragma("journal_mode")).isEqualTo("wal");
      assertThat(index.pragma("synchronous")).isEqualTo("2"); // FULL
      assertThat(index.pragma("busy_timeout"))
          .isEqualTo(Long.toString(IndexSchema.BUSY_TIMEOUT.toMillis()));
      assertThat(index.pragma("foreign_keys")).isEqualTo("1");
    }
  }

  @Test
  void theSchemaVersionAndIndexedAtAreRecordedInTheFile() throws Exception {
    Path file = dir.resolve("index.db");
    Instant now = Instant.parse("2026-11-25T18:51:42.500Z");
    try (SqliteRecordingIndex index =
        SqliteRecordingIndex.open(file, Clock.fixed(now, ZoneOffset.UTC))) {
      index.add(summary(id(1), MEDIA, fields()), stored(id(1)));
    }

    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement()) {
      assertThat(single(statement, "SELECT version FROM schema_version"))
          .isEqualTo(Integer.toString(IndexSchema.VERSION));
      assertThat(single(statement, "SELECT indexed_at FROM recordings"))
          .isEqualTo("2026-11-25T18:51:42.500Z");
      assertThat(single(statement, "SELECT started_at FROM recordings"))
          .isEqualTo("2026-11-25T18:50:46.300Z");
    }
  }

  @Test
  void aFileOfANewerSchemaIsRefusedNamingTheFile() throws Exception {
    Path file = dir.resolve("index.db");
    SqliteRecordingIndex.open(file).close();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement()) {
      statement.execute("UPDATE schema_version SET version = 99");
    }

    assertThatThrownBy(() -> SqliteRecordingIndex.open(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("schema version 99");
  }

  @Test
  void concurrentAddsFromFourThreadsAreAllKept() throws Exception {
    int threads = 4;
    int perThread = 25;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (SqliteRecordingIndex index = SqliteRecordingIndex.open(dir.resolve("index.db"))) {
      List<Future<Void>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * perThread + 1;
        Callable<Void> adder =
            () -> {
              start.await();
              for (int n = first; n < first + perThread; n++) {
                index.add(
                    summary(id(n), MEDIA.plusSeconds(n), fields("queue", "sales", "n", "" + n)),
                    stored(id(n)));
              }
              return null;
            };
        done.add(pool.submit(adder));
      }
      start.countDown();
      for (Future<Void> future : done) {
        future.get();
      }

      List<IndexedRecording> all = index.byField("queue", "sales", 1000);
      assertThat(all).hasSize(threads * perThread);
      assertThat(all.get(0).id()).isEqualTo(id(threads * perThread));
      assertThat(index.byId(id(37)).orElseThrow().fields()).containsEntry("n", "37");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPathUnderARegularFileIsRefusedNamingThePath() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain.txt"), "x");
    Path file = notADirectory.resolve("index.db");

    assertThatThrownBy(() -> SqliteRecordingIndex.open(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aPathNoOneMayWriteIsRefusedNamingThePath() {
    // Tests run as root here, so permissions would not stop them; procfs refuses even root.
    Path proc = Path.of("/proc/self");
    assumeTrue(Files.isDirectory(proc), "needs Linux procfs");
    Path file = proc.resolve("index.db");

    assertThatThrownBy(() -> SqliteRecordingIndex.open(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aDirectoryIsRefusedAsTheDatabaseFile() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("index.db"));

    assertThatThrownBy(() -> SqliteRecordingIndex.open(directory))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(directory.toString())
        .hasMessageContaining("directory");
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedNamingIt() throws IOException {
    Path file = dir.resolve("index.db");
    Files.write(
        file,
        "not an SQLite file, just text long enough to hold a header\n"
            .repeat(200)
            .getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> SqliteRecordingIndex.open(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet row = statement.executeQuery(sql)) {
      assertThat(row.next()).as(sql).isTrue();
      return row.getString(1);
    }
  }
}
