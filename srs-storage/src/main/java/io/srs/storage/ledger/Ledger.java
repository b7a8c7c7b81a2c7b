package io.srs.storage.ledger;

import io.srs.core.session.RecordingId;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where finalised recordings are entered, once their {@code metadata.json} is durable (DESIGN.md
 * "Tamper evidence"). The vault's is {@link LedgerWriter}; {@link #NONE} records nothing, for tests
 * of other things.
 */
public interface Ledger {

  /** Records nothing. */
  Ledger NONE = (id, directory, status) -> {};

  /**
   * Appends the entry of a recording whose {@code metadata.json} in {@code directory} is durable.
   * Called on the finaliser thread (or the recovery pass), never on the media or SIP path.
   *
   * @param status the sidecar's {@code status}
   */
  void recordFinalised(RecordingId id, Path directory, String status) throws IOException;
}
