package io.srs.core.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges participant-stream associations of a partial update (RFC 7865 §6.1, §6.9) one link at a
 * time: a link is one participant sending or receiving one stream over one span of time. Working on
 * links rather than on elements lets an update end some of a participant's streams and keep others;
 * the result is grouped back into elements, one per participant and span.
 */
final class StreamLinks {
  private StreamLinks() {}

  private record Link(
      String participantId,
      String streamId,
      boolean send,
      Instant associated,
      Instant disassociated) {
    boolean isOpen() {
      return disassociated == null;
    }

    boolean sameEnd(String participant, String stream, boolean sends) {
      return participantId.equals(participant) && streamId.equals(stream) && send == sends;
    }

    Link endedAt(Instant at) {
      return new Link(participantId, streamId, send, associated, at);
    }
  }

  private record Span(String participantId, Instant associated, Instant disassociated) {}

  static List<ParticipantStreamAssociation> merge(
      List<ParticipantStreamAssociation> current,
      List<ParticipantStreamAssociation> update,
      List<ParticipantSessionAssociation> sessionUpdates,
      List<MetadataStream> streams) {
    List<Link> links = new ArrayList<>();
    current.forEach(assoc -> links.addAll(expand(assoc)));
    for (ParticipantStreamAssociation assoc : update) {
      apply(links, assoc);
    }
    for (ParticipantSessionAssociation left : sessionUpdates) {
      if (!left.isCurrent()) {
        endSession(links, left, streams);
      }
    }
    return regroup(links);
  }

  private static void apply(List<Link> links, ParticipantStreamAssociation assoc) {
    String participant = assoc.participantId();
    List<Link> named = expand(assoc);
    if (!assoc.isCurrent()) {
      // An ending: of the streams it names, or of all the participant's streams if it names none.
      Instant at = assoc.disassociateTime();
      if (named.isEmpty()) {
        links.replaceAll(
            l -> l.participantId().equals(participant) && l.isOpen() ? l.endedAt(at) : l);
        return;
      }
      for (Link link : named) {
        int open = openLink(links, link);
        if (open >= 0) {
          links.set(open, links.get(open).endedAt(at));
        } else {
          links.add(link);
        }
      }
      return;
    }
    // The participant's streams from now on: the ones no longer named end when the new ones
    // begin, or, when the update does not say when, disappear (the arrival time then applies).
    for (int i = links.size() - 1; i >= 0; i--) {
      Link link = links.get(i);
      if (link.participantId().equals(participant)
          && link.isOpen()
          && named.stream().noneMatch(n -> n.sameEnd(participant, link.streamId(), link.send()))) {
        if (assoc.associateTime() != null) {
          links.set(i, link.endedAt(assoc.associateTime()));
        } else {
          links.remove(i);
        }
      }
    }
    for (Link link : named) {
      if (openLink(links, link) < 0) {
        links.add(link);
      }
    }
  }

  /** RFC 8068 transfers: a participant leaving the session stops sending on its streams. */
  private static void endSession(
      List<Link> links, ParticipantSessionAssociation left, List<MetadataStream> streams) {
    links.replaceAll(
        link ->
            link.participantId().equals(left.participantId())
                    && link.isOpen()
                    && inSession(link.streamId(), left.sessionId(), streams)
                ? link.endedAt(left.disassociateTime())
                : link);
  }

  private static boolean inSession(
      String streamId, String sessionId, List<MetadataStream> streams) {
    for (MetadataStream stream : streams) {
      if (stream.id().equals(streamId)) {
        return stream.sessionId() == null || stream.sessionId().equals(sessionId);
      }
    }
    return true;
  }

  private static int openLink(List<Link> links, Link like) {
    for (int i = 0; i < links.size(); i++) {
      Link link = links.get(i);
      if (link.isOpen() && link.sameEnd(like.participantId(), like.streamId(), like.send())) {
        return i;
      }
    }
    return -1;
  }

  private static List<Link> expand(ParticipantStreamAssociation assoc) {
    List<Link> links = new ArrayList<>();
    for (String stream : assoc.send()) {
      links.add(link(assoc, stream, true));
    }
    for (String stream : assoc.recv()) {
      links.add(link(assoc, stream, false));
    }
    return links;
  }

  private static Link link(ParticipantStreamAssociation assoc, String stream, boolean send) {
    return new Link(
        assoc.participantId(), stream, send, assoc.associateTime(), assoc.disassociateTime());
  }

  private static List<ParticipantStreamAssociation> regroup(List<Link> links) {
    Map<Span, List<Link>> spans = new LinkedHashMap<>();
    for (Link link : links) {
      spans
          .computeIfAbsent(
              new Span(link.participantId(), link.associated(), link.disassociated()),
              k -> new ArrayList<>())
          .add(link);
    }
    List<ParticipantStreamAssociation> grouped = new ArrayList<>();
    spans.forEach(
        (span, members) -> {
          List<String> send = new ArrayList<>();
          List<String> recv = new ArrayList<>();
          for (Link link : members) {
            (link.send() ? send : recv).add(link.streamId());
          }
          grouped.add(
              new ParticipantStreamAssociation(
                  span.participantId(), send, recv, span.associated(), span.disassociated()));
        });
    return grouped;
  }
}
