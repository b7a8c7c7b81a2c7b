package io.srs.core.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Applies a metadata version to the model in force (RFC 7865 §6.1 {@code dataMode}). A complete
 * snapshot replaces everything. A partial update carries only what changed: elements with an id
 * replace the ones they name, field by field (what the update leaves out is kept), and new ones are
 * added; associations are opened and ended by their times (RFC 8068 §5, transfers): a {@code
 * participantstreamassoc} or {@code participantsessionassoc} with a {@code disassociate-time} ends
 * what it names at that time, one without starts it (or restates it), and a stream association
 * naming fewer streams than before ends the ones it leaves out. Ended associations stay in the
 * model with their time, for {@link ParticipationTimeline}.
 */
public final class MetadataMerger {
  private MetadataMerger() {}

  public static RecordingMetadata merge(RecordingMetadata current, RecordingMetadata update) {
    if (current == null || update.dataMode() != DataMode.PARTIAL) {
      return update;
    }
    List<MetadataStream> streams =
        byId(current.streams(), update.streams(), MetadataStream::id, MetadataMerger::stream);
    return new RecordingMetadata(
        current.dataMode(),
        byId(current.groups(), update.groups(), MetadataGroup::id, MetadataMerger::group),
        byId(current.sessions(), update.sessions(), MetadataSession::id, MetadataMerger::session),
        byId(
            current.participants(),
            update.participants(),
            Participant::id,
            MetadataMerger::participant),
        streams,
        timed(
            current.sessionRecordings(),
            update.sessionRecordings(),
            SessionRecordingAssociation::sessionId,
            SessionRecordingAssociation::associateTime,
            SessionRecordingAssociation::disassociateTime,
            (u, from, to) -> new SessionRecordingAssociation(u.sessionId(), from, to)),
        timed(
            current.participantSessions(),
            update.participantSessions(),
            a -> List.of(a.participantId(), a.sessionId()),
            ParticipantSessionAssociation::associateTime,
            ParticipantSessionAssociation::disassociateTime,
            (u, from, to) ->
                new ParticipantSessionAssociation(u.participantId(), u.sessionId(), from, to)),
        StreamLinks.merge(
            current.participantStreams(),
            update.participantStreams(),
            update.participantSessions(),
            streams),
        extensions(current.extensions(), update.extensions()));
  }

  private static <T> List<T> byId(
      List<T> current, List<T> update, Function<T, String> id, BinaryOperator<T> combine) {
    Map<String, T> merged = new LinkedHashMap<>();
    for (T element : current) {
      merged.put(id.apply(element), element);
    }
    for (T element : update) {
      merged.merge(id.apply(element), element, combine);
    }
    return new ArrayList<>(merged.values());
  }

  /** A factory for an association of the same key with new times. */
  private interface Retimed<T> {
    T with(T update, Instant associated, Instant disassociated);
  }

  /**
   * Associations keyed by what they link: an update ends or restates the open association with the
   * same key (keeping the first known {@code associate-time}); otherwise it is a new one (a
   * participant rejoining after leaving gets a second association).
   */
  private static <T> List<T> timed(
      List<T> current,
      List<T> update,
      Function<T, Object> key,
      Function<T, Instant> associated,
      Function<T, Instant> disassociated,
      Retimed<T> retimed) {
    List<T> merged = new ArrayList<>(current);
    for (T next : update) {
      int open = -1;
      for (int i = merged.size() - 1; i >= 0 && open < 0; i--) {
        T candidate = merged.get(i);
        if (key.apply(candidate).equals(key.apply(next))
            && disassociated.apply(candidate) == null) {
          open = i;
        }
      }
      if (open < 0) {
        merged.add(next);
      } else {
        T was = merged.get(open);
        Instant from = or(associated.apply(was), associated.apply(next));
        merged.set(open, retimed.with(next, from, disassociated.apply(next)));
      }
    }
    return merged;
  }

  private static List<ExtensionData> extensions(
      List<ExtensionData> current, List<ExtensionData> update) {
    List<ExtensionData> merged = new ArrayList<>(current);
    for (ExtensionData extension : update) {
      if (!merged.contains(extension)) {
        merged.add(extension);
      }
    }
    return merged;
  }

  private static MetadataGroup group(MetadataGroup was, MetadataGroup now) {
    return new MetadataGroup(
        now.id(),
        or(now.associateTime(), was.associateTime()),
        or(now.disassociateTime(), was.disassociateTime()));
  }

  private static MetadataSession session(MetadataSession was, MetadataSession now) {
    return new MetadataSession(
        now.id(),
        now.sipSessionIds().isEmpty() ? was.sipSessionIds() : now.sipSessionIds(),
        or(now.groupRef(), was.groupRef()),
        or(now.startTime(), was.startTime()),
        or(now.stopTime(), was.stopTime()));
  }

  private static Participant participant(Participant was, Participant now) {
    return new Participant(now.id(), now.nameIds().isEmpty() ? was.nameIds() : now.nameIds());
  }

  private static MetadataStream stream(MetadataStream was, MetadataStream now) {
    return new MetadataStream(
        now.id(), or(now.sessionId(), was.sessionId()), or(now.label(), was.label()));
  }

  private static <T> T or(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }
}
