package io.srs.core.media;

/**
 * One payload format of an offered m-line: the payload type and what {@code a=rtpmap} (or the
 * static table of RFC 3551) says it is. {@code encodingName} is null when the type is dynamic and
 * has no rtpmap; {@code fmtp} is null when absent.
 */
public record OfferedFormat(
    int payloadType, String encodingName, int clockRate, int channels, String fmtp) {

  public OfferedFormat {
    if (payloadType < 0 || payloadType > StaticPayloadTypes.MAX_PAYLOAD_TYPE) {
      throw new IllegalArgumentException("payload type out of range 0..127: " + payloadType);
    }
  }

  /** {@code PCMU/8000}, {@code opus/48000/2} or {@code PT 96} when unknown: for Warning texts. */
  public String describe() {
    if (encodingName == null) {
      return "PT " + payloadType;
    }
    return encodingName + "/" + clockRate + (channels > 1 ? "/" + channels : "");
  }
}
