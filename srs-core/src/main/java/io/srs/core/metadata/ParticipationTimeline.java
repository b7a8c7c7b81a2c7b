package io.srs.core.metadata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who sent on a stream when, over a whole recording: derived from the sequence of merged metadata
 * versions. A participant sends on a label while a version in force says so ({@link
 * RecordingMetadata#sendersOnLabel}).
 *
 * <p>When it began and ended: the {@code associate-time} and {@code disassociate-time} the metadata
 * gives (RFC 7865 §6.8, §6.9; RFC 8068 transfers) say when it really happened, since an SRC sends
 * the update after the fact; without them, the arrival of the version that first showed the change.
 * A time from the metadata is believed only when it lies between the arrival of the previous
 * version and the arrival of this one (any time up to its arrival for the first version): the SRC's
 * clock is not ours, and a time outside that window (a clock in 1970, a skewed clock) would put a
 * voice where the metadata in force said otherwise; the arrival time is used instead.
 */
public final class ParticipationTimeline {
  private ParticipationTimeline() {}

  /** A participant on a label from {@code from} until {@code to} (null: to the end). */
  public record Span(Participant participant, Duration from, Duration to) {}

  /**
   * The spans of the participants sending on {@code label}, ordered by start, offsets from {@code
   * origin} (clamped at zero: metadata that arrived before media applies from the start).
   */
  public static List<Span> forLabel(List<MetadataSnapshot> history, String label, Instant origin) {
    Map<String, Span> open = new LinkedHashMap<>();
    List<Span> spans = new ArrayList<>();
    Instant previous = null;
    for (MetadataSnapshot snapshot : history) {
      RecordingMetadata merged = snapshot.merged();
      Instant arrived = snapshot.at();
      Optional<MetadataStream> stream = merged.streamByLabel(label);
      List<Participant> senders = merged.sendersOnLabel(label);
      Map<String, Participant> now = new LinkedHashMap<>();
      senders.forEach(p -> now.put(p.id(), p));
      for (var iterator = open.entrySet().iterator(); iterator.hasNext(); ) {
        var entry = iterator.next();
        if (!now.containsKey(entry.getKey())) {
          Instant said =
              stream.map(s -> Associations.leftAt(merged, entry.getKey(), s)).orElse(null);
          Instant left = believed(said, previous, arrived);
          spans.add(
              new Span(
                  entry.getValue().participant(), entry.getValue().from(), offset(origin, left)));
          iterator.remove();
        }
      }
      for (Participant participant : senders) {
        Span already = open.get(participant.id());
        if (already != null) {
          // Keep the latest description (a name may arrive in a later version).
          open.put(participant.id(), new Span(participant, already.from(), null));
        } else {
          Instant said = Associations.joinedAt(merged, participant.id(), stream.orElseThrow());
          Instant joined = believed(said, previous, arrived);
          open.put(participant.id(), new Span(participant, offset(origin, joined), null));
        }
      }
      previous = arrived;
    }
    spans.addAll(open.values());
    spans.sort(Comparator.comparing(Span::from));
    return List.copyOf(spans);
  }

  /** The metadata's time when it is plausible (see the class comment), else the arrival time. */
  private static Instant believed(Instant said, Instant previous, Instant arrived) {
    if (said == null || arrived == null) {
      return arrived;
    }
    boolean afterPrevious = previous == null || !said.isBefore(previous);
    return afterPrevious && !said.isAfter(arrived) ? said : arrived;
  }

  private static Duration offset(Instant origin, Instant at) {
    if (origin == null || at == null || at.isBefore(origin)) {
      return Duration.ZERO;
    }
    return Duration.between(origin, at);
  }
}
