package io.srs.core.metadata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who sent on a stream when, over a whole recording: derived from the sequence of merged metadata
 * versions. A participant sends on a label from the first version that associates them with its
 * stream until the first version that no longer does.
 */
public final class ParticipationTimeline {
  private ParticipationTimeline() {}

  /** A participant on a label from {@code from} until {@code to} (null: to the end). */
  public record Span(Participant participant, Duration from, Duration to) {}

  /**
   * The spans of the participants sending on {@code label}, offsets from {@code origin} (clamped at
   * zero: metadata that arrived before media applies from the start).
   */
  public static List<Span> forLabel(List<MetadataSnapshot> history, String label, Instant origin) {
    Map<String, Span> open = new LinkedHashMap<>();
    List<Span> closed = new ArrayList<>();
    for (MetadataSnapshot snapshot : history) {
      Duration at = offset(origin, snapshot.at());
      List<Participant> senders = snapshot.merged().sendersOnLabel(label);
      Map<String, Participant> now = new LinkedHashMap<>();
      senders.forEach(p -> now.put(p.id(), p));
      for (var iterator = open.entrySet().iterator(); iterator.hasNext(); ) {
        var entry = iterator.next();
        if (!now.containsKey(entry.getKey())) {
          closed.add(new Span(entry.getValue().participant(), entry.getValue().from(), at));
          iterator.remove();
        }
      }
      for (Participant participant : senders) {
        open.putIfAbsent(participant.id(), new Span(participant, at, null));
      }
    }
    closed.addAll(open.values());
    return List.copyOf(closed);
  }

  private static Duration offset(Instant origin, Instant at) {
    if (origin == null || at == null || at.isBefore(origin)) {
      return Duration.ZERO;
    }
    return Duration.between(origin, at);
  }
}
