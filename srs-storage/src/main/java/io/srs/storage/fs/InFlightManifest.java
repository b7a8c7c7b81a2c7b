package io.srs.storage.fs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srs.core.media.AudioEncoding;
import io.srs.core.session.RecordingId;
import io.srs.storage.sidecar.MetadataFile;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code inflight.json}: what a recording in progress is, kept beside its files so that the
 * recovery pass can name a recording whose process died (DESIGN.md "Crash safety"). Rewritten whole
 * (temporary file and rename, see {@link AtomicFiles#replace}) when the recording is created, when
 * a track is opened and when a metadata version is stored; never on the media path. Removed once
 * {@code metadata.json}, which supersedes it, is durable. Schema {@value #SCHEMA}.
 */
final class InFlightManifest {

  static final String SCHEMA = "srs.inflight/1";

  /** Far above what 64 tracks and many metadata versions take; a bigger file is not ours. */
  static final int MAX_BYTES = 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A track as opened: enough to rebuild its header should the file's own be unreadable. */
  record Track(
      int streamIndex, String label, String file, AudioEncoding encoding, int sampleRate) {}

  final RecordingId id;
  final String callId;
  final Instant createdAt;
  final List<Track> tracks;
  final List<MetadataFile> metadata;

  InFlightManifest(
      RecordingId id,
      String callId,
      Instant createdAt,
      List<Track> tracks,
      List<MetadataFile> metadata) {
    this.id = id;
    this.callId = callId;
    this.createdAt = createdAt;
    this.tracks = List.copyOf(tracks);
    this.metadata = List.copyOf(metadata);
  }

  byte[] render() throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    root.put("schema", SCHEMA);
    root.put("recordingId", id.value());
    root.put("callId", callId);
    root.put("createdAt", createdAt == null ? null : createdAt.toString());
    ArrayNode trackArray = root.putArray("tracks");
    for (Track track : tracks) {
      trackArray
          .addObject()
          .put("streamIndex", track.streamIndex())
          .put("label", track.label())
          .put("file", track.file())
          .put("encoding", track.encoding().name().toLowerCase(Locale.ROOT))
          .put("sampleRate", track.sampleRate());
    }
    ArrayNode versions = root.putArray("metadataVersions");
    for (MetadataFile file : metadata) {
      versions
          .addObject()
          .put("version", file.version())
          .put("receivedAt", file.receivedAt() == null ? null : file.receivedAt().toString())
          .put("contentType", file.contentType())
          .put("file", file.fileName())
          .put("bytes", file.bytes())
          .put("sha256", file.sha256());
    }
    return JSON.writeValueAsBytes(root);
  }

  /**
   * Reads a manifest back.
   *
   * @throws IOException with a one-line reason when it is too big, not JSON, or not a manifest
   */
  static InFlightManifest parse(byte[] bytes) throws IOException {
    if (bytes.length > MAX_BYTES) {
      throw new IOException("is " + bytes.length + " bytes, over the " + MAX_BYTES + " limit");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IOException("is not JSON (" + firstLine(e) + ")", e);
    }
    if (root == null || !root.isObject() || !SCHEMA.equals(root.path("schema").asText(null))) {
      throw new IOException("is not an " + SCHEMA + " document");
    }
    try {
      List<Track> tracks = new ArrayList<>();
      for (JsonNode track : root.path("tracks")) {
        tracks.add(
            new Track(
                track.path("streamIndex").asInt(-1),
                text(track, "label"),
                text(track, "file"),
                AudioEncoding.valueOf(track.path("encoding").asText().toUpperCase(Locale.ROOT)),
                track.path("sampleRate").asInt()));
      }
      List<MetadataFile> metadata = new ArrayList<>();
      for (JsonNode version : root.path("metadataVersions")) {
        metadata.add(
            new MetadataFile(
                version.path("version").asInt(),
                instant(text(version, "receivedAt")),
                text(version, "contentType"),
                text(version, "file"),
                version.path("bytes").asLong(),
                text(version, "sha256")));
      }
      return new InFlightManifest(
          new RecordingId(root.path("recordingId").asText()),
          text(root, "callId"),
          instant(text(root, "createdAt")),
          tracks,
          metadata);
    } catch (RuntimeException e) {
      throw new IOException("holds a bad value (" + e.getMessage() + ")", e);
    }
  }

  InFlightManifest withTrack(Track track) {
    List<Track> more = new ArrayList<>(tracks);
    more.add(track);
    return new InFlightManifest(id, callId, createdAt, more, metadata);
  }

  InFlightManifest withMetadata(MetadataFile file) {
    List<MetadataFile> more = new ArrayList<>(metadata);
    more.add(file);
    return new InFlightManifest(id, callId, createdAt, tracks, more);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
