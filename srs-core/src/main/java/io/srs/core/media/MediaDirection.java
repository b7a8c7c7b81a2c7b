package io.srs.core.media;

import java.util.Locale;
import java.util.Optional;

/** The SDP direction attributes of RFC 4566 §6 / RFC 3264 §5.1, from the offerer's view. */
public enum MediaDirection {
  SENDRECV("sendrecv"),
  SENDONLY("sendonly"),
  RECVONLY("recvonly"),
  INACTIVE("inactive");

  private final String attribute;

  MediaDirection(String attribute) {
    this.attribute = attribute;
  }

  /** The attribute name as written on the wire ({@code a=recvonly}). */
  public String attribute() {
    return attribute;
  }

  /**
   * The direction a recorder answers with (RFC 3264 §6.1; RFC 7866 §8.1.1): we only ever receive,
   * so a stream the SRC sends on is answered {@code recvonly}, and one it does not send on is
   * answered {@code inactive}.
   */
  public MediaDirection recorderAnswer() {
    return switch (this) {
      case SENDONLY, SENDRECV -> RECVONLY;
      case RECVONLY, INACTIVE -> INACTIVE;
    };
  }

  /** True when the offerer will send media on the stream. */
  public boolean offererSends() {
    return this == SENDONLY || this == SENDRECV;
  }

  public static Optional<MediaDirection> fromAttribute(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (MediaDirection direction : values()) {
      if (direction.attribute.equals(lower)) {
        return Optional.of(direction);
      }
    }
    return Optional.empty();
  }
}
