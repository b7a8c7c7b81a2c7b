package io.srs.storage.ledger;

/**
 * One thing {@code srs verify} found wrong, as one line of output: {@code <kind>: <message>}.
 *
 * @param message names the line, recording and file concerned
 */
public record LedgerProblem(Kind kind, String message) {

  /** What went wrong; the wire spelling starts the output line. */
  public enum Kind {
    /** The chain does not hold: an entry removed, reordered, inserted or altered. */
    CHAIN("chain"),
    /** Bytes a crash left unreadable at the end of the ledger (recorded by a tear entry or not). */
    TORN("torn"),
    /** A ledgered recording's directory, metadata.json or listed file is gone. */
    MISSING("missing"),
    /** A ledgered recording's metadata.json or listed file does not hash as recorded. */
    CHANGED("changed"),
    /** A finalised recording (it has a metadata.json) that no ledger entry names. */
    UNLEDGERED("unledgered"),
    /** Two ledger entries name the same recording. */
    DUPLICATE("duplicate");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** The output line. */
  public String line() {
    return kind.wire() + ": " + message;
  }

  @Override
  public String toString() {
    return line();
  }
}
