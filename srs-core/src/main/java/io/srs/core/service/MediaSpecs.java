package io.srs.core.service;

import io.srs.core.media.Codec;
import io.srs.core.media.OfferedStream;
import io.srs.core.media.SdesNegotiator;
import io.srs.core.media.SrtpPolicy;
import io.srs.core.media.StreamPlan;
import io.srs.core.media.StreamPlanner;
import io.srs.core.media.TransportProfile;
import io.srs.core.port.MediaActivityListener;
import io.srs.core.port.MediaSession;
import io.srs.core.port.MediaSessionSpec;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.TrackSpec;
import io.srs.core.service.OfferDecision.AnsweredStream;
import io.srs.core.session.RecordingId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns stream plans into what the media side opens and what the answer says, and explains a
 * refusal when no stream can be recorded. Pure apart from opening each recorded stream's track.
 */
final class MediaSpecs {
  private MediaSpecs() {}

  /**
   * The media session for {@code plans}: one stream per recorded plan, its track opened in {@code
   * handle}; {@code inactive} hears when media stops for the inactivity timeout.
   */
  static MediaSessionSpec forSession(
      RecordingId id,
      List<StreamPlan> plans,
      RecordingHandle handle,
      RecordingOptions options,
      MediaActivityListener inactive)
      throws IOException {
    List<MediaStreamSpec> streams = new ArrayList<>();
    for (StreamPlan plan : plans) {
      if (plan.isRecorded()) {
        var spec =
            new TrackSpec(plan.index(), plan.label(), plan.storedEncoding(), plan.sampleRate());
        streams.add(
            new MediaStreamSpec(
                plan.index(),
                plan.label(),
                plan.codec(),
                plan.payloadType(),
                handle.openTrack(spec),
                plan.formats(),
                plan.telephoneEventPayloadType(),
                plan.comfortNoisePayloadType(),
                plan.storedEncoding(),
                plan.sampleRate(),
                plan.srtp()));
      }
    }
    return new MediaSessionSpec(
        id,
        plans.size(),
        streams,
        options.inactivityTimeout(),
        inactive,
        options.pauseMode(),
        options.dtmfMasking());
  }

  /** One answered stream per plan, in offer order; an unrecorded one gets port 0. */
  static List<AnsweredStream> answer(List<StreamPlan> plans, MediaSession media) {
    List<AnsweredStream> answered = new ArrayList<>(plans.size());
    for (StreamPlan plan : plans) {
      answered.add(new AnsweredStream(plan, plan.isRecorded() ? media.rtpPort(plan.index()) : 0));
    }
    return answered;
  }

  /**
   * The 488's Warning: each m-line as offered and why it was declined (codec, transport, SRTP
   * policy, unusable {@code a=crypto} lines by suite), then what we record. Names suites, never
   * keys.
   */
  static String noRecordableMedia(
      List<StreamPlan> plans, Collection<Codec> supported, SrtpPolicy srtp, SdesNegotiator sdes) {
    StringBuilder text = new StringBuilder("No recordable media offered:");
    for (StreamPlan plan : plans) {
      OfferedStream stream = plan.offer();
      text.append(" m=")
          .append(stream.index())
          .append(' ')
          .append(stream.mediaType())
          .append(' ')
          .append(stream.transport())
          .append(' ')
          .append(StreamPlanner.describeFormats(stream));
      if (stream.profile() != TransportProfile.PLAIN_RTP
          || srtp.mode() == SrtpPolicy.Mode.REQUIRED) {
        text.append(" (").append(plan.declineReason()).append(')');
      }
      text.append(';');
    }
    text.append(" we record");
    for (var codec : supported) {
      text.append(' ').append(codec.encodingName());
      if (codec.fixedClockRate() > 0) {
        text.append('/').append(codec.fixedClockRate());
      }
    }
    text.append(" over ");
    if (srtp.mode() == SrtpPolicy.Mode.OPTIONAL) {
      text.append("RTP/AVP");
      if (!srtp.suites().isEmpty()) {
        text.append(" or ");
      }
    }
    if (!srtp.suites().isEmpty()) {
      text.append("RTP/SAVP with a=crypto ").append(sdes.accepted());
    } else if (srtp.mode() == SrtpPolicy.Mode.REQUIRED) {
      text.append("nothing: SRTP is required and no suite is available");
    }
    return text.toString();
  }
}
