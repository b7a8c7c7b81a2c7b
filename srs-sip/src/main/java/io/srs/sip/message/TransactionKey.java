package io.srs.sip.message;

import java.util.Objects;

/**
 * Identifies a server transaction the way RFC 3261 §17.2.3 matches requests to it: the top Via's
 * branch and sent-by. A CANCEL carries the same top Via as the INVITE it cancels (RFC 3261 §9.1),
 * so this key finds the INVITE a CANCEL refers to.
 */
public record TransactionKey(String branch, String sentBy) {
  public TransactionKey {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(sentBy, "sentBy");
  }
}
