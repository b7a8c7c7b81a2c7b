package io.srs.storage.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srs.storage.integrity.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the ledger (docs/recording-format.md, "ledger.jsonl"), and its pure codec: no I/O.
 *
 * <p>A line is a compact JSON object whose last member is {@code entryHash}. Its <em>canonical
 * bytes</em> are the line with {@code ,"entryHash":"<64 hex>"} cut out (so it ends in {@code }}),
 * and {@code entryHash = SHA-256(prev || canonical)}, where {@code prev} is the previous entry's
 * {@code entryHash} as 64 lower-case hex ASCII characters ({@link #GENESIS} for the first). The
 * rule is textual on purpose: an auditor can check a line with {@code sed} and {@code sha256sum},
 * without our JSON library.
 *
 * @param seq 1 for the first entry, then one more per line
 * @param type what the entry records
 * @param recordingId the recording ({@link Type#RECORDING}), else null
 * @param path the recording's directory relative to {@code storage.path}, '/'-separated
 * @param status the sidecar's {@code status} ({@code complete} or {@code incomplete})
 * @param at when the entry was appended (ISO-8601 UTC): {@code finalisedAt} or a tear's {@code at}
 * @param metadataSha256 SHA-256 of the recording's {@code metadata.json} bytes as stored
 * @param metadataBytes the size of that {@code metadata.json}
 * @param tornOffset a tear's first unreadable byte in the ledger file
 * @param tornBytes how many bytes the tear covers, as found (before the newline ending them)
 * @param tornSha256 SHA-256 of those bytes
 * @param prev the previous entry's {@code entryHash}
 * @param entryHash this entry's hash (see above)
 */
public record LedgerEntry(
    long seq,
    Type type,
    String recordingId,
    String path,
    String status,
    String at,
    String metadataSha256,
    long metadataBytes,
    long tornOffset,
    long tornBytes,
    String tornSha256,
    String prev,
    String entryHash) {

  /** The {@code prev} of the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * The longest line a reader accepts. An entry is a few hundred bytes (ids and paths are short,
   * fixed alphabets); anything longer is not an entry.
   */
  public static final int MAX_LINE_BYTES = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern LINE =
      Pattern.compile("(\\{.*),\"entryHash\":\"([0-9a-f]{64})\"}", Pattern.DOTALL);

  /** The kinds of entry: closed, carried on the wire as {@link #wire()}. */
  public enum Type {
    /** A finalised recording: its manifest's hash. */
    RECORDING("recording"),
    /** Bytes a crash left unreadable at the end of the ledger, kept and accounted for. */
    TEAR("tear");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    static Type of(String wire) {
      for (Type type : values()) {
        if (type.wire.equals(wire)) {
          return type;
        }
      }
      return null;
    }
  }

  /** A line that is not a ledger entry. */
  public static final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }

  public LedgerEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(prev, "prev");
    Objects.requireNonNull(entryHash, "entryHash");
  }

  /** A recording entry chained from {@code prev}, its hash computed. */
  public static LedgerEntry recording(
      long seq,
      String recordingId,
      String path,
      String status,
      String finalisedAt,
      String metadataSha256,
      long metadataBytes,
      String prev) {
    LedgerEntry draft =
        new LedgerEntry(
            seq,
            Type.RECORDING,
            recordingId,
            path,
            status,
            finalisedAt,
            metadataSha256,
            metadataBytes,
            -1,
            -1,
            null,
            prev,
            "");
    return draft.withHash();
  }

  /** A tear entry chained from {@code prev}, its hash computed. */
  public static LedgerEntry tear(
      long seq, String at, long tornOffset, long tornBytes, String tornSha256, String prev) {
    LedgerEntry draft =
        new LedgerEntry(
            seq,
            Type.TEAR,
            null,
            null,
            null,
            at,
            null,
            -1,
            tornOffset,
            tornBytes,
            tornSha256,
            prev,
            "");
    return draft.withHash();
  }

  private LedgerEntry withHash() {
    return new LedgerEntry(
        seq,
        type,
        recordingId,
        path,
        status,
        at,
        metadataSha256,
        metadataBytes,
        tornOffset,
        tornBytes,
        tornSha256,
        prev,
        hash(prev, canonical()));
  }

  /** {@code SHA-256(prev || canonical)}, lower-case hex. */
  public static String hash(String prev, String canonical) {
    return Sha256.of((prev + canonical).getBytes(StandardCharsets.UTF_8));
  }

  /** The canonical JSON (every member but {@code entryHash}), in the fixed member order. */
  public String canonical() {
    ObjectNode node = JSON.createObjectNode();
    node.put("seq", seq);
    node.put("type", type.wire());
    if (type == Type.RECORDING) {
      node.put("recordingId", recordingId);
      node.put("path", path);
      node.put("status", status);
      node.put("finalisedAt", at);
      node.put("metadataSha256", metadataSha256);
      node.put("metadataBytes", metadataBytes);
    } else {
      node.put("at", at);
      node.put("tornOffset", tornOffset);
      node.put("tornBytes", tornBytes);
      node.put("tornSha256", tornSha256);
    }
    node.put("prev", prev);
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always renders", e);
    }
  }

  /** The line as written, without its newline. */
  public String line() {
    String canonical = canonical();
    return canonical.substring(0, canonical.length() - 1) + ",\"entryHash\":\"" + entryHash + "\"}";
  }

  /**
   * A line as read.
   *
   * @param intact whether the line's {@code entryHash} is the hash of its {@code prev} and its
   *     canonical bytes as read
   */
  public record Read(LedgerEntry entry, boolean intact) {}

  /**
   * Reads one line (without its newline). The entry's fields are taken as written; {@link
   * Read#intact} says whether its hash holds over the bytes as read.
   *
   * @throws FormatException naming what is wrong when the line is not an entry
   */
  public static Read parse(String line) throws FormatException {
    if (line.length() > MAX_LINE_BYTES) {
      throw new FormatException("longer than " + MAX_LINE_BYTES + " bytes");
    }
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      throw new FormatException("does not end in ,\"entryHash\":\"<64 hex>\"}");
    }
    String canonical = m.group(1) + "}";
    JsonNode node;
    try {
      node = JSON.readTree(canonical);
    } catch (JsonProcessingException e) {
      throw new FormatException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new FormatException("not a JSON object");
    }
    Type type = Type.of(text(node, "type"));
    if (type == null) {
      throw new FormatException("unknown type " + node.get("type"));
    }
    String prev = text(node, "prev");
    if (prev == null || !HEX64.matcher(prev).matches()) {
      throw new FormatException("prev is not 64 lower-case hex digits");
    }
    long seq = number(node, "seq");
    LedgerEntry entry;
    if (type == Type.RECORDING) {
      entry =
          new LedgerEntry(
              seq,
              type,
              required(node, "recordingId"),
              required(node, "path"),
              text(node, "status"),
              text(node, "finalisedAt"),
              required(node, "metadataSha256"),
              number(node, "metadataBytes"),
              -1,
              -1,
              null,
              prev,
              m.group(2));
    } else {
      entry =
          new LedgerEntry(
              seq,
              type,
              null,
              null,
              null,
              text(node, "at"),
              null,
              -1,
              number(node, "tornOffset"),
              number(node, "tornBytes"),
              required(node, "tornSha256"),
              prev,
              m.group(2));
    }
    return new Read(entry, hash(prev, canonical).equals(entry.entryHash()));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private static String required(JsonNode node, String field) throws FormatException {
    String value = text(node, field);
    if (value == null || value.isEmpty()) {
      throw new FormatException(field + " missing");
    }
    return value;
  }

  private static long number(JsonNode node, String field) throws FormatException {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToExactIntegral() || !value.isIntegralNumber()) {
      throw new FormatException(field + " is not an integer");
    }
    return value.asLong();
  }
}
