package io.srs.core.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.metadata.RecordingMetadata;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metadata bodies come from whoever reaches the SIP port: a DOCTYPE, an entity bomb or an external
 * entity yields no fields, fetches nothing and throws nothing (OWASP XXE cheat sheet).
 */
class HardenedExtractionTest {
  private static final String SECRET = "s3cr3t-from-disk";

  private final ProfileFieldExtractor extractor =
      ProfileFieldExtractor.builder()
          .profiles(List.of())
          .userRules(
              List.of(
                  FieldRule.parse("conversationId", "xpath //*[local-name()='sipSessionID']"),
                  FieldRule.parse("agentId", "xpath string(/*)")))
          .build();

  private NormalisedFields extract(String body) {
    return extractor.extract(
        new FieldSources(
            RecordingMetadata.EMPTY,
            List.of(body.getBytes(StandardCharsets.UTF_8)),
            Map.of(),
            null,
            null));
  }

  @Test
  void anExternalEntityOnDiskIsNeitherReadNorReported(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    String body =
        "<?xml version='1.0'?><!DOCTYPE recording [<!ENTITY xxe SYSTEM '"
            + secret.toUri()
            + "'>]><recording xmlns='urn:ietf:params:xml:ns:recording:1'><session>"
            + "<sipSessionID>&xxe;</sipSessionID></session></recording>";

    assertThat(extract(body).values()).isEmpty();
  }

  @Test
  void anExternalEntityOverHttpIsNeverFetched() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      // Counts, then closes, every connection: a fetch would end at once (and be counted)
      // instead of waiting forever for an answer.
      Thread acceptor =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    socket.close();
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/secret";
      String general =
          "<!DOCTYPE r [<!ENTITY xxe SYSTEM '"
              + url
              + "'>]><r><sipSessionID>&xxe;</sipSessionID></r>";
      String parameter = "<!DOCTYPE r [<!ENTITY % p SYSTEM '" + url + "'> %p;]><r/>";
      String external = "<!DOCTYPE r SYSTEM '" + url + "'><r/>";

      assertThat(extract(general).values()).isEmpty();
      assertThat(extract(parameter).values()).isEmpty();
      assertThat(extract(external).values()).isEmpty();
      // A fetch completes (accepted, counted, closed) before the parse that made it returns.
      assertThat(connections.get()).isZero();
    }
  }

  @Test
  void aBillionLaughsBodyYieldsNoFieldsAndReturns() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY a0 'ha'>");
    for (int i = 1; i <= 12; i++) {
      dtd.append("<!ENTITY a").append(i).append(" '");
      dtd.append(("&a" + (i - 1) + ";").repeat(10)).append("'>");
    }
    String body = dtd + "]><r><sipSessionID>&a12;</sipSessionID></r>";

    assertThat(extract(body).values()).isEmpty();
  }

  @Test
  void aBodyWithoutDoctypeIsReadNormally() {
    String body =
        "<recording xmlns='urn:ietf:params:xml:ns:recording:1'><session>"
            + "<sipSessionID>abc &amp; def</sipSessionID></session></recording>";

    assertThat(extract(body).values()).containsEntry("conversationId", "abc & def");
  }

  @Test
  void aBodyNestedDeeperThanTheBoundYieldsNoFields() {
    int depth = HardenedXml.MAX_ELEMENT_DEPTH + 10;
    String body = "<a>".repeat(depth) + "<sipSessionID>x</sipSessionID>" + "</a>".repeat(depth);

    assertThat(extract(body).values()).isEmpty();
  }
}
