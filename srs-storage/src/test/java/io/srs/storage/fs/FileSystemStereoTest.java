package io.srs.storage.fs;

import static io.srs.storage.fs.Fixtures.AGENT;
import static io.srs.storage.fs.Fixtures.CALLER;
import static io.srs.storage.fs.Fixtures.CALL_ID;
import static io.srs.storage.fs.Fixtures.ID;
import static io.srs.storage.fs.Fixtures.INVITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.media.G711;
import io.srs.core.metadata.Participant;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.TrackSink;
import io.srs.core.port.TrackSpec;
import io.srs.storage.integrity.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recording.stereo}: stereo.wav written at finish, described in the sidecar, or skipped. */
class FileSystemStereoTest {
  private static final Path SOX = Path.of("/usr/bin/sox");

  @TempDir Path root;
  private Path directory;

  private RecordingHandle open() throws IOException {
    RecordingHandle handle =
        new FileSystemRecordingStore(new StorageSettings(root, 1024, true))
            .create(ID, CALL_ID, INVITED);
    directory = Path.of(handle.location());
    return handle;
  }

  private JsonNode sidecar() throws IOException {
    return new ObjectMapper().readTree(directory.resolve("metadata.json").toFile());
  }

  private static TrackSummary trackSummary(int index, Codec codec, Participant sender) {
    return new TrackSummary(
        index, String.valueOf(index + 1), codec, codec.staticPayloadType(), List.of(sender), null);
  }

  /** {@code samples} of a sine at {@code hz} as PCM16 little endian. */
  private static byte[] tone(int hz, int rate, int samples) {
    ByteBuffer out = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      out.putShort((short) Math.round(12000 * Math.sin(2 * Math.PI * hz * i / rate)));
    }
    return out.array();
  }

  @Test
  void aG711CallGetsAStereoFileWithTheCallerOnChannelZero() throws Exception {
    RecordingHandle handle = open();
    TrackSink caller = handle.openTrack(Fixtures.CALLER_TRACK); // PCMU, stream 0
    TrackSink agent = handle.openTrack(Fixtures.AGENT_TRACK); // PCMA, stream 1
    byte[] codes = new byte[8000];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) i;
    }
    caller.write(codes, 0, codes.length);
    agent.writeSilence(8000);

    handle.finish(Fixtures.summary());

    Path stereo = directory.resolve("stereo.wav");
    ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(stereo)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(wav.getShort(22)).as("nChannels").isEqualTo((short) 2);
    assertThat(wav.getInt(40)).as("data size").isEqualTo(8000 * 4);
    for (int i = 0; i < 8000; i++) {
      assertThat(wav.getShort(44 + 4 * i)).as("left %d", i).isEqualTo(G711.mulawToLinear((byte) i));
      assertThat(wav.getShort(46 + 4 * i)).as("right %d", i).isEqualTo((short) 8); // A-law 0xD5
    }
    JsonNode node = sidecar().get("stereo");
    assertThat(node.get("file").asText()).isEqualTo("stereo.wav");
    assertThat(node.get("skipped").isNull()).isTrue();
    assertThat(node.get("encoding").asText()).isEqualTo("pcm16");
    assertThat(node.get("sampleRate").asInt()).isEqualTo(8000);
    assertThat(node.get("samples").asLong()).isEqualTo(8000);
    assertThat(node.get("bytes").asLong()).isEqualTo(Files.size(stereo)).isEqualTo(44 + 32000);
    assertThat(node.get("sha256").asText()).isEqualTo(Sha256.ofFile(stereo));
    assertThat(node.get("order").asText()).isEqualTo("ani");
    JsonNode left = node.get("channels").get(0);
    assertThat(left.get("channel").asInt()).isZero();
    assertThat(left.get("streamIndex").asInt()).isZero();
    assertThat(left.get("label").asText()).isEqualTo("1");
    assertThat(left.get("participants").get(0).get("id").asText()).isEqualTo(CALLER.id());
    assertThat(node.get("channels").get(1).get("streamIndex").asInt()).isEqualTo(1);
    assertThat(sidecar().get("flags")).isEmpty();
  }

  @Test
  void theCallerGoesLeftEvenWhenTheSrcListsTheAgentFirst() throws Exception {
    RecordingHandle handle = open();
    handle.openTrack(new TrackSpec(0, "1", AudioEncoding.ALAW, 8000)).writeSilence(80);
    handle.openTrack(new TrackSpec(1, "2", AudioEncoding.MULAW, 8000)).writeSilence(80);

    handle.finish(
        Fixtures.summary(
            List.of(trackSummary(0, Codec.PCMA, AGENT), trackSummary(1, Codec.PCMU, CALLER)),
            Fixtures.FIELDS));

    JsonNode channels = sidecar().get("stereo").get("channels");
    assertThat(channels.get(0).get("streamIndex").asInt()).isEqualTo(1);
    assertThat(channels.get(0).get("participants").get(0).get("id").asText())
        .isEqualTo(CALLER.id());
    assertThat(channels.get(1).get("streamIndex").asInt()).isZero();
  }

  @Test
  void soxDecodesTwoChannelsEachCarryingItsOwnParty() throws Exception {
    RecordingHandle handle = open();
    TrackSink caller = handle.openTrack(new TrackSpec(0, "1", AudioEncoding.PCM16, 16000));
    TrackSink agent = handle.openTrack(new TrackSpec(1, "2", AudioEncoding.PCM16, 16000));
    byte[] high = tone(1000, 16000, 16000);
    byte[] low = tone(400, 16000, 16000);
    for (int offset = 0; offset < high.length; offset += 640) { // 20 ms at 16 kHz
      caller.write(high, offset, 640);
      agent.write(low, offset, 640);
    }

    handle.finish(
        Fixtures.summary(
            List.of(trackSummary(0, Codec.G722, CALLER), trackSummary(1, Codec.G722, AGENT)),
            Map.of()));

    Path stereo = directory.resolve("stereo.wav");
    assertThat(sox("--i", "-c", stereo.toString()).trim()).isEqualTo("2");
    assertThat(sox("--i", "-r", stereo.toString()).trim()).isEqualTo("16000");
    assertThat(sox("--i", "-s", stereo.toString()).trim()).isEqualTo("16000");
    assertThat(roughFrequency(stereo, 1)).isBetween(950.0, 1050.0);
    assertThat(roughFrequency(stereo, 2)).isBetween(380.0, 420.0);
  }

  @Test
  void tracksOfDifferentRatesGetNoStereoFileAndAFlag() throws Exception {
    RecordingHandle handle = open();
    handle.openTrack(Fixtures.CALLER_TRACK).writeSilence(8000);
    handle.openTrack(new TrackSpec(1, "2", AudioEncoding.PCM16, 16000)).writeSilence(16000);

    handle.finish(
        Fixtures.summary(
            List.of(trackSummary(0, Codec.PCMU, CALLER), trackSummary(1, Codec.G722, AGENT)),
            Fixtures.FIELDS));

    JsonNode sidecar = sidecar();
    String reason = "no two tracks share a sample rate (track 0: 8000 Hz, track 1: 16000 Hz)";
    assertThat(sidecar.get("stereo").get("file").isNull()).isTrue();
    assertThat(sidecar.get("stereo").get("skipped").asText()).isEqualTo(reason);
    assertThat(sidecar.get("flags").get(0).asText()).isEqualTo("stereo-skipped: " + reason);
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("track-0-1.wav", "track-1-2.wav", "metadata.json");
    }
  }

  @Test
  void noTemporaryFileRemainsBesideTheStereoFile() throws Exception {
    RecordingHandle handle = open();
    handle.openTrack(Fixtures.CALLER_TRACK).writeSilence(800);
    handle.openTrack(Fixtures.AGENT_TRACK).writeSilence(800);

    handle.finish(Fixtures.summary());

    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "track-0-1.wav", "track-1-2.wav", "stereo.wav", "metadata.json");
    }
  }

  @Test
  void aStereoFileThatCannotBeWrittenIsFlaggedAndTheRecordingStillFinishes() throws Exception {
    RecordingHandle handle = open();
    handle.openTrack(Fixtures.CALLER_TRACK).writeSilence(800);
    handle.openTrack(Fixtures.AGENT_TRACK).writeSilence(800);
    Files.createDirectory(directory.resolve(".stereo.wav.tmp")); // the temporary name is taken

    handle.finish(Fixtures.summary());

    JsonNode sidecar = sidecar();
    assertThat(sidecar.get("stereo").get("skipped").asText()).startsWith("failed: ");
    assertThat(sidecar.get("flags").get(0).asText()).startsWith("stereo-skipped: failed: ");
    assertThat(sidecar.get("tracks")).hasSize(2);
    assertThat(directory.resolve("stereo.wav")).doesNotExist();
  }

  private static double roughFrequency(Path file, int channel) throws Exception {
    String stat = sox(file.toString(), "-n", "remix", String.valueOf(channel), "stat");
    Matcher m = Pattern.compile("Rough\\s+frequency:\\s+(\\S+)").matcher(stat);
    assertThat(m.find()).as("sox stat output:%n%s", stat).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String sox(String... args) throws IOException, InterruptedException {
    if (!Files.isExecutable(SOX)) {
      fail("sox is required for this test (Debian package 'sox') but " + SOX + " is missing");
    }
    List<String> command = new ArrayList<>();
    command.add(SOX.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("sox finished").isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("sox exit status; output:%n%s", text).isZero();
    return text;
  }
}
