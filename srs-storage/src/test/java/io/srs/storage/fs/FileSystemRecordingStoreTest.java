package io.srs.storage.fs;

import static io.srs.storage.fs.Fixtures.CALLER_TRACK;
import static io.srs.storage.fs.Fixtures.CALL_ID;
import static io.srs.storage.fs.Fixtures.ID;
import static io.srs.storage.fs.Fixtures.INVITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.media.AudioEncoding;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.TrackSink;
import io.srs.core.port.TrackSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemRecordingStoreTest {

  @TempDir Path root;

  private Path expectedDirectory() {
    return root.resolve("2026/11/25/" + ID.value());
  }

  @Test
  void createMakesTheRecordingDirectoryUnderItsUtcDate() throws Exception {
    RecordingHandle handle = new FileSystemRecordingStore(root).create(ID, CALL_ID, INVITED);

    assertThat(expectedDirectory()).isDirectory();
    assertThat(handle.location()).isEqualTo(expectedDirectory().toAbsolutePath().toString());
  }

  @Test
  void describeNamesTheAbsoluteRoot() {
    FileSystemRecordingStore store = new FileSystemRecordingStore(root);

    assertThat(store.describe()).isEqualTo("file:" + root.toAbsolutePath().normalize());
  }

  @Test
  void aRootThatIsAFileIsRefusedWithAClearMessage() throws Exception {
    Path notADirectory = Files.writeString(root.resolve("vault"), "oops");
    FileSystemRecordingStore store = new FileSystemRecordingStore(notADirectory);

    assertThatThrownBy(() -> store.create(ID, CALL_ID, INVITED))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "recording storage "
                + notADirectory
                + " (storage.path) is not writable: it exists but is not a directory");
  }

  @Test
  void verifyWritableFailsOnAnUnwritableRoot() throws Exception {
    Path notADirectory = Files.writeString(root.resolve("vault"), "oops");

    assertThatThrownBy(() -> new FileSystemRecordingStore(notADirectory).verifyWritable())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("storage.path")
        .hasMessageContaining("not writable");
  }

  @Test
  void verifyWritableCreatesAMissingRootAndLeavesNothingBehind() throws Exception {
    Path fresh = root.resolve("a/b/recordings");

    new FileSystemRecordingStore(fresh).verifyWritable();

    assertThat(fresh).isEmptyDirectory();
  }

  @Test
  void aRecordingIsNeverCreatedOverAnother() throws Exception {
    FileSystemRecordingStore store = new FileSystemRecordingStore(root);
    store.create(ID, CALL_ID, INVITED);

    assertThatThrownBy(() -> store.create(ID, CALL_ID, INVITED))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void abortRemovesTheRecordingDirectory() throws Exception {
    RecordingHandle handle = new FileSystemRecordingStore(root).create(ID, CALL_ID, INVITED);
    TrackSink sink = handle.openTrack(CALLER_TRACK);
    sink.write(new byte[160], 0, 160);
    handle.addMetadata(Fixtures.rawMetadata(1));

    handle.abort();

    assertThat(expectedDirectory()).doesNotExist();
  }

  @Test
  void abortAfterFinishKeepsTheRecording() throws Exception {
    RecordingHandle handle = new FileSystemRecordingStore(root).create(ID, CALL_ID, INVITED);
    handle.openTrack(Fixtures.CALLER_TRACK).writeSilence(8000);
    handle.openTrack(Fixtures.AGENT_TRACK).writeSilence(8000);
    handle.finish(Fixtures.summary());

    handle.abort();

    assertThat(expectedDirectory().resolve("metadata.json")).exists();
  }

  @Test
  void aHostileLabelBecomesASafeFileInsideTheRecording() throws Exception {
    RecordingHandle handle = new FileSystemRecordingStore(root).create(ID, CALL_ID, INVITED);

    handle.openTrack(new TrackSpec(0, "../../etc", AudioEncoding.MULAW, 8000));

    try (Stream<Path> files = Files.list(expectedDirectory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("track-0-.._.._etc.wav", "inflight.json");
    }
    handle.abort();
  }

  @Test
  void metadataIsStoredVerbatimAtOnce() throws Exception {
    RecordingHandle handle = new FileSystemRecordingStore(root).create(ID, CALL_ID, INVITED);

    handle.addMetadata(Fixtures.rawMetadata(1));

    assertThat(expectedDirectory().resolve("metadata-001.xml")).hasBinaryContent(Fixtures.RAW_XML);
    try (Stream<Path> files = Files.list(expectedDirectory())) {
      // no temporary file left beside it; the in-flight manifest names it
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("metadata-001.xml", "inflight.json");
    }
  }

  @Test
  void aMetadataVersionIsNeverOverwritten() throws Exception {
    RecordingHandle handle = new FileSystemRecordingStore(root).create(ID, CALL_ID, INVITED);
    handle.addMetadata(Fixtures.rawMetadata(1));

    assertThatThrownBy(() -> handle.addMetadata(Fixtures.rawMetadata(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("metadata version 1 is already stored");
  }

  @Test
  void settingsRejectATinyWriteBufferNamingTheKey() {
    assertThatThrownBy(() -> new StorageSettings(root, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storage.write-buffer-bytes");
  }
}
