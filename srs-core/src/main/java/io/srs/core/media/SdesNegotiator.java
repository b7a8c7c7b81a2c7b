package io.srs.core.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chooses which offered {@code a=crypto} line of an SDES m-line we accept and writes our side of it
 * (RFC 4568 §7.1.2). Pure apart from the injected key source.
 *
 * <p>The first line in the offerer's order that is usable and whose suite the policy accepts wins.
 * Lines the SDP side found unusable (bad key, unknown session parameter, several keys with MKIs...)
 * are skipped, never guessed at: SRTP with the wrong key decrypts to noise, and we would store it.
 */
public final class SdesNegotiator {

  /** What the offer allows. */
  public sealed interface Choice {
    /** The line to accept. */
    record Chosen(OfferedCrypto line) implements Choice {}

    /**
     * None: the m-line is declined.
     *
     * @param reason names the offered suites and why each was passed over
     */
    record None(String reason) implements Choice {}
  }

  private final SrtpPolicy policy;
  private final SrtpKeySource keySource;

  public SdesNegotiator(SrtpPolicy policy, SrtpKeySource keySource) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.keySource = Objects.requireNonNull(keySource, "keySource");
  }

  public SrtpPolicy policy() {
    return policy;
  }

  public Choice choose(OfferedStream stream) {
    if (stream.crypto().isEmpty()) {
      return new Choice.None(
          stream.transport()
              + " without an a=crypto line: SRTP keys must be given in the SDP (SDES, RFC 4568)");
    }
    List<String> passedOver = new ArrayList<>();
    for (OfferedCrypto line : stream.crypto()) {
      if (!line.isUsable()) {
        passedOver.add(line.describe() + " (" + line.problem() + ")");
      } else if (!policy.accepts(line.keys().suite())) {
        passedOver.add(line.describe() + " (suite not accepted)");
      } else {
        return new Choice.Chosen(line);
      }
    }
    return new Choice.None(
        "no usable a=crypto on "
            + stream.transport()
            + ": offered "
            + String.join(", ", passedOver)
            + "; we accept "
            + accepted());
  }

  /** {@code AEAD_AES_256_GCM, AES_CM_128_HMAC_SHA1_80}, or {@code no suite}. */
  public String accepted() {
    if (policy.suites().isEmpty()) {
      return "no suite";
    }
    List<String> names = new ArrayList<>();
    for (SrtpSuite suite : policy.suites()) {
      names.add(suite.sdesName());
    }
    return String.join(", ", names);
  }

  /**
   * Our line for {@code chosen}: its tag and suite, its session flags, and our key. A key we
   * answered before with the same suite and flags is kept (RFC 4568 §7.1.4 lets a re-answer keep
   * it; a fresh one would change nothing, as we never send).
   *
   * @param previous what we answered last in this dialog, or null
   */
  public AnsweredCrypto answer(OfferedCrypto chosen, AnsweredCrypto previous) {
    SrtpKeys theirs = chosen.keys();
    if (theirs == null) {
      throw new IllegalArgumentException("crypto line " + chosen.describe() + " is not usable");
    }
    if (previous != null
        && previous.keys().suite() == theirs.suite()
        && previous.keys().srtpEncrypted() == theirs.srtpEncrypted()
        && previous.keys().srtcpEncrypted() == theirs.srtcpEncrypted()
        && previous.keys().srtpAuthenticated() == theirs.srtpAuthenticated()) {
      return new AnsweredCrypto(chosen.tag(), previous.keys());
    }
    return new AnsweredCrypto(chosen.tag(), keySource.answerKeys(theirs.suite(), theirs));
  }
}
