package io.srs.daemon.simulate;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/**
 * Everything that names one simulated call: SIP Call-ID and the RFC 7865 ids of its session,
 * participants and streams (base64 of 16 random octets, as RFC 7865 §6.2 suggests), plus the
 * addresses of record of the caller and the two agents.
 */
public record CallIdentity(
    int call,
    String callId,
    String groupId,
    String sessionId,
    String sipSessionId,
    String conversationId,
    String ucid,
    String callerId,
    String agentAId,
    String agentBId,
    String callerStream,
    String agentStream,
    String callerAor,
    String agentAUser,
    String agentAAor,
    String agentBAor) {

  /** The domain of the simulated parties (RFC 2606 reserves example.com for this). */
  public static final String DOMAIN = "simulate.example.com";

  /** A fresh identity for call number {@code call} (1-based), ids drawn from {@code random}. */
  public static CallIdentity create(int call, String host, Random random) {
    return new CallIdentity(
        call,
        uuid(random) + "@" + host,
        id(random),
        id(random),
        HexFormat.of().formatHex(bytes(random))
            + ";remote="
            + HexFormat.of().formatHex(bytes(random)),
        uuid(random).toString(),
        HexFormat.of().withUpperCase().formatHex(bytes(random)),
        id(random),
        id(random),
        id(random),
        id(random),
        id(random),
        String.format("sip:+1555%07d@%s", call, DOMAIN),
        "agent-a",
        "sip:agent-a@" + DOMAIN,
        "sip:agent-b@" + DOMAIN);
  }

  private static byte[] bytes(Random random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String id(Random random) {
    return Base64.getEncoder().encodeToString(bytes(random));
  }

  private static UUID uuid(Random random) {
    ByteBuffer b = ByteBuffer.wrap(bytes(random));
    return new UUID(b.getLong(), b.getLong());
  }
}
