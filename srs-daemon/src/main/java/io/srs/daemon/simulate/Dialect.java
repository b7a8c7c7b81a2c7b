package io.srs.daemon.simulate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SRC metadata dialects {@code srs simulate} can speak, each written after the corpus in {@code
 * srs-core/src/test/resources/metadata/corpus}: RFC 7865 as published; Oracle (Acme Packet) and
 * BroadWorks in the pre-RFC draft shape (id/session attributes, send/recv inside participant);
 * AudioCodes with the {@code tns:} prefix; Genesys as RFC 7865 plus its {@code X-Genesys-…} INVITE
 * headers.
 */
public enum Dialect {
  RFC7865("rfc7865", "rfc7865"),
  ORACLE("oracle", "oracle"),
  AUDIOCODES("audiocodes", "audiocodes"),
  BROADWORKS("broadworks", "broadworks"),
  GENESYS("genesys", "rfc7865");

  private final String wireName;
  private final String template;

  Dialect(String wireName, String template) {
    this.wireName = wireName;
    this.template = template;
  }

  /** The name on the command line. */
  public String wireName() {
    return wireName;
  }

  /** The base name of the resource templates ({@code <base>-initial.xml}, {@code -transfer}). */
  String template() {
    return template;
  }

  /** Extra INVITE header lines for this SRC (RFC 3261 extension headers), in order. */
  public Map<String, String> inviteHeaders(CallIdentity call) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (this == GENESYS) {
      headers.put("X-Genesys-ConversationId", call.conversationId());
      headers.put("X-Genesys-AgentId", call.agentAUser());
    }
    return headers;
  }

  public static Dialect fromWireName(String name) {
    for (Dialect dialect : values()) {
      if (dialect.wireName.equalsIgnoreCase(name)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "unknown dialect '"
            + name
            + "'; expected rfc7865, oracle, audiocodes, broadworks, genesys");
  }
}
