package io.srs.daemon.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the RFC 7865 metadata of a simulated call from the dialect's templates: the complete
 * document of the INVITE and the partial update of a transfer (agent A leaves the agent stream,
 * agent B joins it; RFC 7865 §6.8–6.9 disassociate/associate times). Templates are loaded once;
 * rendering is a pure substitution of {@code ${NAME}} placeholders.
 */
public final class MetadataRenderer {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

  private final Map<Dialect, String> initial = new EnumMap<>(Dialect.class);
  private final Map<Dialect, String> transfer = new EnumMap<>(Dialect.class);

  public MetadataRenderer() {
    for (Dialect dialect : Dialect.values()) {
      initial.put(dialect, load(dialect.template() + "-initial.xml"));
      transfer.put(dialect, load(dialect.template() + "-transfer.xml"));
    }
  }

  /** The complete metadata of the initial INVITE. */
  public String initial(Dialect dialect, CallIdentity call, Instant now) {
    return render(initial.get(dialect), call, now);
  }

  /** The partial update of a transfer from agent A to agent B at {@code now}. */
  public String transfer(Dialect dialect, CallIdentity call, Instant now) {
    return render(transfer.get(dialect), call, now);
  }

  private static String render(String template, CallIdentity call, Instant now) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 256);
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1), call, now)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String value(String name, CallIdentity call, Instant now) {
    return switch (name) {
      case "NOW" -> now.toString();
      case "CALL" -> Integer.toString(call.call());
      case "GROUP_ID" -> call.groupId();
      case "SESSION_ID" -> call.sessionId();
      case "SIP_SESSION_ID" -> call.sipSessionId();
      case "CONVERSATION_ID" -> call.conversationId();
      case "UCID" -> call.ucid();
      case "CALLER_ID" -> call.callerId();
      case "AGENT_A_ID" -> call.agentAId();
      case "AGENT_B_ID" -> call.agentBId();
      case "CALLER_STREAM" -> call.callerStream();
      case "AGENT_STREAM" -> call.agentStream();
      case "CALLER_AOR" -> call.callerAor();
      case "AGENT_A_AOR" -> call.agentAAor();
      case "AGENT_B_AOR" -> call.agentBAor();
      default -> throw new IllegalStateException("template placeholder ${" + name + "} is unknown");
    };
  }

  private static String load(String name) {
    try (InputStream in = MetadataRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("metadata template " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read metadata template " + name, e);
    }
  }
}
