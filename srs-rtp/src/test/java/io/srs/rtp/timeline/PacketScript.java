package io.srs.rtp.timeline;

import io.srs.rtp.InMemoryTrackSink;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Helpers for packet-script tests: payloads that name their packet, and expected tracks. */
final class PacketScript {
  static final long MS = 1_000_000L;
  static final int SAMPLES = 160; // 20 ms at 8 kHz
  static final byte SILENCE = (byte) 0xFF;

  private PacketScript() {}

  /** A 20 ms payload whose every byte names its packet (never 0xFF, the silence byte). */
  static byte[] payload(int n) {
    byte[] bytes = new byte[SAMPLES];
    Arrays.fill(bytes, (byte) (1 + Math.floorMod(n, 200)));
    return bytes;
  }

  static void receive(
      TrackPlacer to, int seq, long ts, long ssrc, int pt, byte[] payload, long arrivalNanos) {
    to.receive(
        seq & 0xFFFF,
        ts & 0xFFFF_FFFFL,
        ssrc,
        pt,
        PayloadSource.of(payload),
        0,
        payload.length,
        arrivalNanos);
  }

  /** The first index of a byte other than mu-law silence, or -1. */
  static int firstSound(InMemoryTrackSink sink) {
    byte[] bytes = sink.bytes();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != SILENCE) {
        return i;
      }
    }
    return -1;
  }

  /** The expected track, built from packets and silence. */
  static final class Track {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Track packets(int from, int toInclusive) {
      for (int n = from; n <= toInclusive; n++) {
        bytes.writeBytes(payload(n));
      }
      return this;
    }

    Track silence(int samples) {
      for (int i = 0; i < samples; i++) {
        bytes.write(SILENCE);
      }
      return this;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }
}
