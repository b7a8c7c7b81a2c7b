package io.srs.sip.siprec;

import io.srs.sip.message.SipHeaders;
import java.util.regex.Pattern;

/**
 * Recognises a SIPREC INVITE (RFC 7866 §6.1.1): {@code Require: siprec}, the {@code +sip.src}
 * feature tag in Contact (or the bare {@code ;src} some SRCs send), or a metadata part in the body.
 *
 * <p>Decision: an INVITE with none of these is refused with {@code 403 Forbidden} ("Not a SIPREC
 * INVITE ..."). We are a recorder, not a phone: answering an ordinary call would make the caller
 * talk to silence, and a misrouted call fails fast and visibly instead of being recorded as if it
 * were a fork.
 */
public final class SiprecClassifier {
  public static final String OPTION_TAG = "siprec";

  public static final String NOT_SIPREC_REASON =
      "Not a SIPREC INVITE (no Require: siprec, +sip.src or metadata)";

  /** {@code ;+sip.src} or {@code ;src} as a Contact parameter, not a prefix of a longer name. */
  private static final Pattern SRC_FEATURE =
      Pattern.compile(";\\s*(\\+sip\\.)?src\\s*(?=[;,>=]|$)", Pattern.CASE_INSENSITIVE);

  private SiprecClassifier() {}

  public static boolean isSiprec(SipHeaders headers, InviteBody body) {
    return headers.tokens("Require").contains(OPTION_TAG)
        || hasSrcFeatureTag(headers)
        || body.hasMetadata();
  }

  static boolean hasSrcFeatureTag(SipHeaders headers) {
    for (String contact : headers.all("Contact")) {
      if (SRC_FEATURE.matcher(contact).find()) {
        return true;
      }
    }
    return false;
  }
}
