package io.srs.storage;

import io.srs.core.session.RecordingId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Names inside the vault, shared by every store (a directory on disk, a key prefix in an object
 * store):
 *
 * <pre>
 * yyyy/MM/dd/&lt;recordingId&gt;/          UTC date the call was offered
 *     track-&lt;index&gt;[-&lt;label&gt;].wav    one per recorded m-line
 *     metadata-&lt;version&gt;.xml          every RFC 7865 body, verbatim (001, 002, ...)
 *     stereo.wav                      optional: two PCM16 channels, one per party
 *     inflight.json                   while recording: what it is (removed once the sidecar is)
 *     metadata.json                   the sidecar, written last
 * </pre>
 *
 * <p>Beside the date directories, {@code ledger.jsonl} chains every finalised recording ({@link
 * #LEDGER}).
 */
public final class RecordingLayout {

  /** The sidecar's name within a recording. */
  public static final String SIDECAR = "metadata.json";

  /**
   * The in-flight manifest's name: present while a recording is written, so the start-up recovery
   * pass can name a recording whose process died. Superseded by (and removed after) the sidecar.
   */
  public static final String IN_FLIGHT = "inflight.json";

  /**
   * The vault's ledger, at the root of {@code storage.path}: one line per finalised recording, each
   * hashing the one before and the recording's {@link #SIDECAR} (docs/recording-format.md).
   */
  public static final String LEDGER = "ledger.jsonl";

  /** The optional two-channel mix's name within a recording ({@code recording.stereo}). */
  public static final String STEREO = "stereo.wav";

  /**
   * The most label characters kept in a file name. Labels are opaque network strings (RFC 4574):
   * bounded and reduced to a safe alphabet before they touch a path.
   */
  public static final int MAX_LABEL_CHARS = 32;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private RecordingLayout() {}

  /** {@code yyyy/MM/dd/<recordingId>}, with '/' separators, for the UTC date of {@code at}. */
  public static String recordingPath(RecordingId id, Instant at) {
    return DAY.format(at) + "/" + id.value();
  }

  /** {@code track-<index>.wav}, or {@code track-<index>-<label>.wav} with the label sanitised. */
  public static String trackFileName(int streamIndex, String label) {
    if (streamIndex < 0) {
      throw new IllegalArgumentException("negative stream index " + streamIndex);
    }
    String safe = sanitiseLabel(label);
    return safe.isEmpty()
        ? "track-" + streamIndex + ".wav"
        : "track-" + streamIndex + "-" + safe + ".wav";
  }

  /** {@code metadata-<version>.xml}, the version zero-padded to three digits. */
  public static String metadataFileName(int version) {
    if (version < 1) {
      throw new IllegalArgumentException("metadata version must be at least 1: " + version);
    }
    return String.format(Locale.ROOT, "metadata-%03d.xml", version);
  }

  /**
   * Keeps {@code [A-Za-z0-9._-]}, replaces every other code point with '_', and cuts to {@link
   * #MAX_LABEL_CHARS}. The result has no path separator, so it can never leave the recording's
   * directory; the {@code track-N-} prefix keeps it from being "." or "..". Null gives "".
   */
  public static String sanitiseLabel(String label) {
    if (label == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder(Math.min(label.length(), MAX_LABEL_CHARS));
    label.codePoints().limit(MAX_LABEL_CHARS).forEach(c -> safe.append(isSafe(c) ? (char) c : '_'));
    return safe.toString();
  }

  private static boolean isSafe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }
}
