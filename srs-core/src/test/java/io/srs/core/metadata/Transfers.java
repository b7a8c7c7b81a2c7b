package io.srs.core.metadata;

import java.time.Duration;
import java.time.Instant;

/**
 * One call for the merge and timeline tests: caller C sends on label 1 (stream s1), agent A on
 * label 2 (stream s2), in session S; media starts at {@link #ORIGIN}.
 */
final class Transfers {
  private Transfers() {}

  static final Instant ORIGIN = Instant.parse("2024-07-01T10:00:00Z");

  static Instant at(double seconds) {
    return ORIGIN.plus(Duration.ofMillis(Math.round(seconds * 1000)));
  }

  static Duration offset(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** The INVITE's complete snapshot: everyone associated a second before media. */
  static final String INITIAL =
      "<datamode>complete</datamode>"
          + "<session session_id='S'><sipSessionID>abc</sipSessionID>"
          + "<start-time>"
          + at(-1)
          + "</start-time></session>"
          + participant("C")
          + participant("A")
          + "<stream stream_id='s1' session_id='S'><label>1</label></stream>"
          + "<stream stream_id='s2' session_id='S'><label>2</label></stream>"
          + "<participantsessionassoc participant_id='C' session_id='S'>"
          + time("associate", -1)
          + "</participantsessionassoc>"
          + "<participantsessionassoc participant_id='A' session_id='S'>"
          + time("associate", -1)
          + "</participantsessionassoc>"
          + streams("C", "s1", "s2", time("associate", -1))
          + streams("A", "s2", "s1", time("associate", -1));

  static String participant(String id) {
    return "<participant participant_id='"
        + id
        + "'><nameID aor='sip:"
        + id.toLowerCase(java.util.Locale.ROOT)
        + "@example.com'/></participant>";
  }

  static String streams(String participant, String send, String recv, String times) {
    return "<participantstreamassoc participant_id='"
        + participant
        + "'>"
        + (send == null ? "" : "<send>" + send + "</send>")
        + (recv == null ? "" : "<recv>" + recv + "</recv>")
        + times
        + "</participantstreamassoc>";
  }

  static String time(String kind, double seconds) {
    return "<" + kind + "-time>" + at(seconds) + "</" + kind + "-time>";
  }
}
