package io.srs.core.metadata;

import static io.srs.core.metadata.Documents.recording;
import static io.srs.core.metadata.Documents.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.srs.core.metadata.MetadataException.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies from the network are hostile until parsed: DTD tricks are refused before anything is
 * expanded or fetched, and every bound holds. The time bounds are generous correctness guards (an
 * expanding or fetching parser would hang or take far longer), not performance asserts.
 */
class MetadataParserHardeningTest {
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  private final MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);

  @Test
  void doctypeIsAForbiddenConstruct() {
    MetadataException refused =
        refusal(utf8("<!DOCTYPE recording><recording xmlns='" + Documents.NS + "'/>"));

    assertThat(refused.kind()).isEqualTo(Kind.FORBIDDEN_CONSTRUCT);
    assertThat(refused).hasMessage("DOCTYPE not allowed in recording metadata");
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyExpansion() {
    StringBuilder dtd = new StringBuilder("<?xml version='1.0'?><!DOCTYPE recording [");
    dtd.append("<!ENTITY lol0 'lol'>");
    for (int i = 1; i <= 9; i++) {
      String previous = "&lol" + (i - 1) + ";";
      dtd.append("<!ENTITY lol").append(i).append(" '").append(previous.repeat(10)).append("'>");
    }
    byte[] body = utf8(dtd + "]><recording><session session_id='&lol9;'/>&lol9;</recording>");

    MetadataException refused = assertTimeoutPreemptively(GENEROUS, () -> refusal(body));

    assertThat(refused.kind()).isEqualTo(Kind.FORBIDDEN_CONSTRUCT);
  }

  @Test
  void externalFileEntityIsNeverRead(@TempDir Path dir) throws IOException {
    String marker = "SECRET-MARKER-7f3a";
    Path secret = Files.writeString(dir.resolve("secret.txt"), marker);
    byte[] body =
        utf8(
            "<!DOCTYPE recording [<!ENTITY xxe SYSTEM '"
                + secret.toUri()
                + "'>]><recording><participant participant_id='&xxe;'>"
                + "<nameID aor='sip:a@x'><name>&xxe;</name></nameID></participant></recording>");

    MetadataException refused = assertTimeoutPreemptively(GENEROUS, () -> refusal(body));

    assertThat(refused.kind()).isEqualTo(Kind.FORBIDDEN_CONSTRUCT);
    assertThat(refused.getMessage()).doesNotContain(marker);
    assertThat(causes(refused)).doesNotContain(marker);
  }

  @Test
  void etcPasswdEntityIsRefused() {
    byte[] body =
        utf8(
            "<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<recording><session session_id='&x;'/></recording>");

    MetadataException refused = assertTimeoutPreemptively(GENEROUS, () -> refusal(body));

    assertThat(refused.kind()).isEqualTo(Kind.FORBIDDEN_CONSTRUCT);
    assertThat(causes(refused)).doesNotContain("root:");
  }

  @Test
  void externalHttpEntityAndDtdAreNeverFetched() throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + listener.getLocalPort();
      byte[] general =
          utf8(
              "<!DOCTYPE r [<!ENTITY x SYSTEM '"
                  + url
                  + "/entity'>]><recording><session session_id='&x;'/></recording>");
      byte[] parameter =
          utf8("<!DOCTYPE r [<!ENTITY % p SYSTEM '" + url + "/param'> %p;]><recording/>");
      byte[] external = utf8("<!DOCTYPE recording SYSTEM '" + url + "/dtd'><recording/>");

      for (byte[] body : new byte[][] {general, parameter, external}) {
        MetadataException refused = assertTimeoutPreemptively(GENEROUS, () -> refusal(body));
        assertThat(refused.kind()).isEqualTo(Kind.FORBIDDEN_CONSTRUCT);
      }

      // A fetch would have connected synchronously during parse: the backlog must be empty.
      listener.setSoTimeout(200);
      assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void undeclaredEntityIsMalformed() {
    MetadataException refused = refusal(recording("<session session_id='a'>&nbsp;</session>"));

    assertThat(refused.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(refused).hasMessageContaining("'nbsp' was referenced, but not declared");
  }

  @Test
  void bodyLargerThanTheLimitIsTooLargeBeforeParsing() {
    MetadataParser small = new MetadataParser(new MetadataLimits(100, 32, 1000));
    // Not even XML: the size is checked first.
    byte[] body = new byte[101];

    MetadataException refused = refusal(small, body);

    assertThat(refused.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(refused).hasMessage("metadata body is 101 bytes; the limit is 100 bytes");
  }

  @Test
  void bodyOfExactlyTheLimitIsParsed() throws MetadataException {
    byte[] body = recording("");
    MetadataParser exact = new MetadataParser(new MetadataLimits(body.length, 32, 1000));

    assertThat(exact.parse(body)).isEqualTo(RecordingMetadata.EMPTY);
  }

  @Test
  void nestingDeeperThanTheLimitIsTooDeep() {
    MetadataParser shallow = new MetadataParser(new MetadataLimits(64 * 1024, 4, 1000));
    byte[] body = recording("<a><b><c><d></d></c></b></a>");

    MetadataException refused = refusal(shallow, body);

    assertThat(refused.kind()).isEqualTo(Kind.TOO_DEEP);
    assertThat(refused).hasMessageStartingWith("metadata nests elements 5 deep at 1:");
    assertThat(refused).hasMessageEndingWith("; the limit is 4");
  }

  @Test
  void deepNestingWithinTheDefaultSizeIsRefusedQuickly() {
    byte[] body = recording("<x>".repeat(5_000) + "</x>".repeat(5_000));

    MetadataException refused = assertTimeoutPreemptively(GENEROUS, () -> refusal(body));

    assertThat(refused.kind()).isEqualTo(Kind.TOO_DEEP);
  }

  @Test
  void moreElementsThanTheLimitIsTooLarge() {
    MetadataParser few = new MetadataParser(new MetadataLimits(64 * 1024, 32, 10));
    byte[] body = recording("<x/>".repeat(10));

    MetadataException refused = refusal(few, body);

    assertThat(refused.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(refused).hasMessageStartingWith("metadata has more than 10 elements at 1:");
  }

  @Test
  void emptyBodyIsMalformed() {
    assertThat(refusal(new byte[0]))
        .hasMessage("metadata body is empty; expected an RFC 7865 <recording> document")
        .extracting(MetadataException::kind)
        .isEqualTo(Kind.MALFORMED);
  }

  @Test
  void textThatIsNotXmlIsMalformedWithItsPosition() {
    assertThat(refusal(utf8("hello, this is not XML")))
        .hasMessage("metadata is not well-formed XML at 1:1: Content is not allowed in prolog.");
  }

  @Test
  void truncatedDocumentIsMalformedWithItsPosition() {
    byte[] whole = Documents.resource("rfc7865-example.xml");
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

    MetadataException refused = refusal(truncated);

    assertThat(refused.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(refused).hasMessageStartingWith("metadata is not well-formed XML at ");
    assertThat(refused.getMessage()).doesNotContain("\n");
  }

  @Test
  void mismatchedTagIsMalformedAndSaysWhatWasExpected() {
    assertThat(refusal(utf8("<recording><session session_id='s'></recording>")))
        .hasMessage(
            "metadata is not well-formed XML at 1:38: The element type 'session' must be"
                + " terminated by the matching end-tag '</session>'.");
  }

  @Test
  void garbageAfterTheRootIsMalformed() {
    assertThat(refusal(utf8("<recording/><recording/>")))
        .hasMessageContaining("markup in the document following the root element");
  }

  @Test
  void unknownEncodingIsMalformed() {
    assertThat(refusal(utf8("<?xml version='1.0' encoding='x-klingon'?><recording/>")).kind())
        .isEqualTo(Kind.MALFORMED);
  }

  @Test
  void messagesNeverEchoMoreThanAShortExcerptOfTheInput() {
    String longName = "n".repeat(5_000);
    MetadataException refused = refusal(utf8("<" + longName + "></x>"));

    assertThat(refused.getMessage()).hasSizeLessThan(250).doesNotContain("n".repeat(61));
  }

  @Test
  void longRootNamesAreCutInOurOwnMessages() {
    MetadataException refused = refusal(utf8("<" + "r".repeat(500) + "/>"));

    assertThat(refused.getMessage()).doesNotContain("r".repeat(61)).contains("...");
  }

  private MetadataException refusal(byte[] body) {
    return refusal(parser, body);
  }

  private static MetadataException refusal(MetadataParser parser, byte[] body) {
    try {
      parser.parse(body);
    } catch (MetadataException e) {
      return e;
    }
    throw new AssertionError("expected the body to be refused");
  }

  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
