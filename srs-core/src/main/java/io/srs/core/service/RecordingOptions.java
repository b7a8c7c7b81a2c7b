package io.srs.core.service;

import io.srs.core.media.SrtpPolicy;
import io.srs.core.port.MediaSessionSpec.PauseMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How recordings are made: the policies an operator chooses (config keys in parentheses).
 *
 * @param metadataPolicy what to do when an INVITE's metadata is missing or unusable ({@code
 *     metadata.policy})
 * @param requiredFields normalised fields every recording should have; one missing counts against
 *     the metadata match rate ({@code metadata.required-fields})
 * @param pcm16 store every codec as PCM16, G.711 included ({@code recording.format: pcm16})
 * @param inactivityTimeout end a session after this long without media; zero never ({@code
 *     rtp.inactivity-timeout-seconds})
 * @param pauseMode silence or cut paused spans ({@code recording.pause-mode})
 * @param dtmfMasking silence audio under DTMF and keep no digits ({@code recording.dtmf-masking})
 * @param srtp plain RTP and SDES SRTP acceptance ({@code srtp.policy}, {@code srtp.suites})
 */
public record RecordingOptions(
    MetadataPolicy metadataPolicy,
    List<String> requiredFields,
    boolean pcm16,
    Duration inactivityTimeout,
    PauseMode pauseMode,
    boolean dtmfMasking,
    SrtpPolicy srtp) {

  /**
   * Lenient metadata, agentId and conversationId required, native G.711, 5 minutes, silence, RTP or
   * SRTP as offered.
   */
  public static final RecordingOptions DEFAULT =
      new RecordingOptions(
          MetadataPolicy.LENIENT,
          List.of("agentId", "conversationId"),
          false,
          Duration.ofMinutes(5),
          PauseMode.SILENCE,
          false);

  /** Options with the default SRTP policy (RTP or SRTP as offered, every suite). */
  public RecordingOptions(
      MetadataPolicy metadataPolicy,
      List<String> requiredFields,
      boolean pcm16,
      Duration inactivityTimeout,
      PauseMode pauseMode,
      boolean dtmfMasking) {
    this(
        metadataPolicy,
        requiredFields,
        pcm16,
        inactivityTimeout,
        pauseMode,
        dtmfMasking,
        SrtpPolicy.DEFAULT);
  }

  public RecordingOptions {
    Objects.requireNonNull(metadataPolicy, "metadataPolicy");
    requiredFields = List.copyOf(requiredFields);
    Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
    if (inactivityTimeout.isNegative()) {
      throw new IllegalArgumentException("inactivityTimeout must not be negative");
    }
    Objects.requireNonNull(pauseMode, "pauseMode");
    Objects.requireNonNull(srtp, "srtp");
  }

  /**
   * What an INVITE without usable metadata gets. Either way the decision is deterministic and
   * logged; a body that is dangerous (DOCTYPE, entities) or too large is refused whatever the
   * policy.
   */
  public enum MetadataPolicy {
    /** Record the media and flag the recording (default: never lose a call over metadata). */
    LENIENT,
    /** Refuse the INVITE with 400 and the reason. */
    STRICT
  }
}
