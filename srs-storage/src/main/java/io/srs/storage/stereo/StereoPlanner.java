package io.srs.storage.stereo;

import io.srs.core.metadata.NameId;
import io.srs.core.metadata.Participant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Chooses the two tracks of {@code stereo.wav} and their channels, from what the recording's
 * summary says alone. Pure and deterministic:
 *
 * <ol>
 *   <li>The pair is the first two tracks, in stream-index order, that share a sample rate (a
 *       two-party call has exactly two; a mix of rates would need resampling, which we never do).
 *   <li>Channel 0 (left) is the calling party's track: the one of the pair on which some
 *       participant was heard whose address (any nameID aor, its user part, digits only) equals the
 *       normalised {@code ani} field, digits only. If neither or both tracks qualify, channel 0 is
 *       the track with the lower stream index.
 * </ol>
 *
 * The metadata's participant-stream associations (RFC 7865 §6.9) are what place a participant on a
 * track; the ANI says which participant is the caller, whatever label order the SRC uses.
 */
public final class StereoPlanner {

  /** Fewer digits than this are too weak to identify a caller (extensions, "0", "anonymous"). */
  static final int MIN_ANI_DIGITS = 3;

  /** The outcome: a plan, or the reason there is none. */
  public record Result(StereoPlan plan, String skipped) {
    public boolean planned() {
      return plan != null;
    }
  }

  /**
   * @param tracks every stored track
   * @param ani the normalised {@code ani} field, or null
   */
  public Result plan(List<StereoTrack> tracks, String ani) {
    List<StereoTrack> ordered = new ArrayList<>(tracks);
    ordered.sort(Comparator.comparingInt(StereoTrack::streamIndex));
    if (ordered.size() < 2) {
      return new Result(
          null, "a stereo file needs two tracks, the recording has " + ordered.size());
    }
    for (int i = 0; i < ordered.size(); i++) {
      for (int j = i + 1; j < ordered.size(); j++) {
        StereoTrack first = ordered.get(i);
        StereoTrack second = ordered.get(j);
        if (first.sampleRate() == second.sampleRate()) {
          return new Result(order(first, second, digits(ani)), null);
        }
      }
    }
    return new Result(null, "no two tracks share a sample rate (" + rates(ordered) + ")");
  }

  private static StereoPlan order(StereoTrack first, StereoTrack second, String ani) {
    boolean firstCalls = carries(first, ani);
    boolean secondCalls = carries(second, ani);
    if (secondCalls && !firstCalls) {
      return new StereoPlan(second, first, StereoPlan.BY_ANI);
    }
    if (firstCalls && !secondCalls) {
      return new StereoPlan(first, second, StereoPlan.BY_ANI);
    }
    return new StereoPlan(first, second, StereoPlan.BY_STREAM_INDEX);
  }

  private static boolean carries(StereoTrack track, String ani) {
    if (ani.length() < MIN_ANI_DIGITS) {
      return false;
    }
    for (Participant participant : track.participants()) {
      for (NameId nameId : participant.nameIds()) {
        if (ani.equals(digits(userPart(nameId.aor())))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The user part of an address of record: {@code sip:+1555@host;x} and {@code tel:+1555;p} both
   * give {@code +1555} (RFC 3261 §19.1.1, RFC 3966 §3).
   */
  static String userPart(String aor) {
    if (aor == null) {
      return "";
    }
    String s = aor.trim();
    int colon = s.indexOf(':');
    String scheme = colon < 0 ? "" : s.substring(0, colon).toLowerCase(Locale.ROOT);
    if (scheme.equals("sip") || scheme.equals("sips") || scheme.equals("tel")) {
      s = s.substring(colon + 1);
    }
    int end = s.length();
    for (char stop : new char[] {'@', ';', '?'}) {
      int at = s.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return s.substring(0, end);
  }

  static String digits(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder digits = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  private static String rates(List<StereoTrack> tracks) {
    StringJoiner joiner = new StringJoiner(", ");
    for (StereoTrack track : tracks) {
      joiner.add("track " + track.streamIndex() + ": " + track.sampleRate() + " Hz");
    }
    return joiner.toString();
  }
}
