package io.srs.storage.fs;

import io.srs.core.metadata.MetadataException;
import io.srs.core.metadata.MetadataMerger;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.storage.integrity.Sha256;
import io.srs.storage.sidecar.MetadataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw metadata versions a recording in flight stored ({@code metadata-NNN.xml}), read back for
 * recovery: hashed as they lie, described with what the in-flight manifest knew of them, parsed and
 * merged in version order as the call merged them (RFC 7865 partial updates).
 */
final class StoredMetadata {

  /** Metadata bodies larger than this are kept but not parsed (the SIP side bounds them lower). */
  static final int MAX_METADATA_BYTES = 1024 * 1024;

  private static final Pattern METADATA_FILE = Pattern.compile("metadata-(\\d{3,6})\\.xml");

  private StoredMetadata() {}

  /** Every stored version in order, merged as the call merged them (RFC 7865 partial updates). */
  static RecordingMetadata read(
      MetadataParser parser,
      Path directory,
      InFlightManifest manifest,
      List<MetadataFile> files,
      List<byte[]> bodies,
      List<String> problems)
      throws IOException {
    RecordingMetadata merged = null;
    Map<Integer, Path> versions = new TreeMap<>();
    for (Path file : InFlightRecovery.list(directory, METADATA_FILE)) {
      Matcher name = METADATA_FILE.matcher(file.getFileName().toString());
      if (name.matches()) {
        versions.put(Integer.parseInt(name.group(1)), file);
      }
    }
    for (Map.Entry<Integer, Path> entry : versions.entrySet()) {
      int version = entry.getKey();
      Path file = entry.getValue();
      String name = file.getFileName().toString();
      MetadataFile known = manifest == null ? null : known(manifest, version);
      long size = Files.size(file);
      if (size > MAX_METADATA_BYTES) {
        problems.add("metadata-unusable: version " + version + ": " + size + " bytes, not parsed");
        continue;
      }
      byte[] body = Files.readAllBytes(file);
      String sha256 = Sha256.of(body);
      if (known != null && known.sha256() != null && !known.sha256().equals(sha256)) {
        problems.add("metadata-changed: " + name + " does not hash as when it was stored");
      }
      files.add(
          new MetadataFile(
              version,
              known != null ? known.receivedAt() : Files.getLastModifiedTime(file).toInstant(),
              known != null ? known.contentType() : null,
              name,
              body.length,
              sha256));
      bodies.add(body);
      try {
        RecordingMetadata parsed = parser.parse(body);
        merged = merged == null ? parsed : MetadataMerger.merge(merged, parsed);
      } catch (MetadataException | RuntimeException e) {
        problems.add("metadata-unusable: version " + version + ": " + e.getMessage());
      }
    }
    if (versions.isEmpty()) {
      problems.add("metadata-missing");
    }
    return merged == null ? RecordingMetadata.EMPTY : merged;
  }

  private static MetadataFile known(InFlightManifest manifest, int version) {
    for (MetadataFile file : manifest.metadata) {
      if (file.version() == version) {
        return file;
      }
    }
    return null;
  }
}
