package io.srs.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever arrives, the parser answers with a value or a {@link MetadataException}: never another
 * exception, which would surface as a 500 or a dropped INVITE.
 */
class MetadataParserPropertiesTest {
  private static final int TRIES = 500;

  /** Small limits so that generated documents reach every bound. */
  private final MetadataParser parser = new MetadataParser(new MetadataLimits(4096, 8, 64));

  private static final List<byte[]> SEEDS =
      List.of(
          Documents.resource("rfc7865-example.xml"),
          Documents.resource("sbc-two-party.xml"),
          Documents.recording(
              "<participant participant_id='p'><nameID aor='sip:p@x'><name>P</name></nameID>"
                  + "</participant><stream stream_id='s'><label>1</label></stream>"
                  + "<participantstreamassoc participant_id='p'><send>s</send>"
                  + "</participantstreamassoc>"));

  /** The dialect corpus: one document per SRC family (see MetadataCorpusTest). */
  private static final List<byte[]> DIALECT_SEEDS =
      List.of(
          Documents.corpus("rfc7865-full.xml"),
          Documents.corpus("audiocodes-tns.xml"),
          Documents.corpus("acme-packet-draft.xml"),
          Documents.corpus("audiocodes-legacy.xml"),
          Documents.corpus("broadworks.xml"),
          Documents.corpus("cisco-cube.xml"),
          Documents.corpus("ribbon-sbc.xml"),
          Documents.corpus("opensips.xml"),
          Documents.corpus("netsapiens-leg1.xml"),
          Documents.corpus("jambonz.xml"),
          Documents.corpus("avaya-sbce.xml"),
          Documents.corpus("case-and-time-variants.xml"));

  /** Production limits for the dialect documents, which are larger than the small limits allow. */
  private final MetadataParser defaultParser = new MetadataParser(MetadataLimits.DEFAULT);

  private static final List<String> TOKENS =
      List.of(
          "<recording xmlns='urn:ietf:params:xml:ns:recording:1'>",
          "</recording>",
          "<participant participant_id='p'>",
          "</participant>",
          "<nameID aor='sip:a@b'>",
          "</nameID>",
          "<name xml:lang='en'>",
          "</name>",
          "<stream stream_id='s'>",
          "</stream>",
          "<label>",
          "</label>",
          "<datamode>",
          "</datamode>",
          "<participantstreamassoc participant_id='p'>",
          "<send>",
          "</send>",
          "<x:y xmlns:x='urn:other'>",
          "</x:y>",
          "<x:y>",
          "<extensiondata parent='p'>",
          "</extensiondata>",
          "<recording_metadata xmlns='urn:ietf:params:xml:ns:siprec'>",
          "</recording_metadata>",
          "<participant id='p' session='s'>",
          "<group group_id='g'>",
          "</group>",
          "<associate-time>",
          "</associate-time>",
          "<disassociate-time>",
          "</disassociate-time>",
          "2024-01-02T03:04:05+0000",
          "1970-01-01T00:00:00",
          "<participantsessionassoc participant_id='p' session_id='s'>",
          "</participantsessionassoc>",
          "<!DOCTYPE r [<!ENTITY a 'b'>]>",
          "&a;",
          "&amp;",
          "&#0;",
          "&#x263A;",
          "<![CDATA[",
          "]]>",
          "<!--",
          "-->",
          "<?pi x?>",
          "<?xml version='1.0' encoding='UTF-16'?>",
          "text",
          " ",
          "\u00e9",
          "\uFEFF",
          "\"",
          "'");

  @Property(tries = TRIES)
  void arbitraryBytesGiveAValueOrAMetadataException(@ForAll @Size(max = 600) byte[] body) {
    assertParsesOrRefuses(body);
  }

  @Property(tries = TRIES)
  void mutatedValidDocumentsGiveAValueOrAMetadataException(
      @ForAll("mutatedDocuments") byte[] body) {
    assertParsesOrRefuses(body);
  }

  @Property(tries = TRIES)
  void xmlLikeTokenSoupGivesAValueOrAMetadataException(@ForAll("tokenSoup") byte[] body) {
    assertParsesOrRefuses(body);
  }

  @Property(tries = TRIES)
  void mutatedDialectDocumentsGiveAValueOrAMetadataException(
      @ForAll("mutatedDialectDocuments") byte[] body) {
    assertParsesOrRefuses(defaultParser, body);
  }

  @Property(tries = TRIES)
  void mutatedDialectDocumentsUnderSmallLimitsGiveAValueOrAMetadataException(
      @ForAll("mutatedDialectDocuments") byte[] body) {
    assertParsesOrRefuses(body);
  }

  private void assertParsesOrRefuses(byte[] body) {
    assertParsesOrRefuses(parser, body);
  }

  private static void assertParsesOrRefuses(MetadataParser parser, byte[] body) {
    try {
      RecordingMetadata metadata = parser.parse(body);
      assertThat(metadata).isNotNull();
      // Kept extension data is never larger than the bound on it.
      assertThat(metadata.extensions().stream().mapToLong(e -> e.xml().length()).sum())
          .isLessThanOrEqualTo(2L * 64 * 1024);
    } catch (MetadataException e) {
      assertThat(e.kind()).isNotNull();
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "\r");
    }
  }

  @Provide
  Arbitrary<byte[]> mutatedDialectDocuments() {
    return mutated(DIALECT_SEEDS);
  }

  @Provide
  Arbitrary<byte[]> mutatedDocuments() {
    return mutated(SEEDS);
  }

  private static Arbitrary<byte[]> mutated(List<byte[]> seeds) {
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.of(Mutation.Kind.values()),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.bytes())
            .as(Mutation::new);
    return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMinSize(1).ofMaxSize(6))
        .as(
            (seed, mutations) -> {
              byte[] body = seed;
              for (Mutation m : mutations) {
                body = m.applyTo(body);
              }
              return body;
            });
  }

  @Provide
  Arbitrary<byte[]> tokenSoup() {
    return Arbitraries.of(TOKENS)
        .list()
        .ofMaxSize(40)
        .map(tokens -> String.join("", tokens).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** One edit of a byte array at a relative position. */
  record Mutation(Kind kind, double where, byte value) {
    enum Kind {
      FLIP,
      INSERT,
      DELETE,
      TRUNCATE,
      DUPLICATE_SLICE
    }

    byte[] applyTo(byte[] body) {
      if (body.length == 0) {
        return new byte[] {value};
      }
      int at = (int) Math.min(body.length - 1, Math.floor(where * body.length));
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
      switch (kind) {
        case FLIP -> {
          byte[] copy = body.clone();
          copy[at] = value;
          return copy;
        }
        case INSERT -> {
          out.write(body, 0, at);
          out.write(value);
          out.write(body, at, body.length - at);
        }
        case DELETE -> {
          out.write(body, 0, at);
          out.write(body, at + 1, body.length - at - 1);
        }
        case TRUNCATE -> out.write(body, 0, at);
        case DUPLICATE_SLICE -> {
          int length = Math.min(32, body.length - at);
          out.write(body, 0, at + length);
          out.write(body, at, body.length - at);
        }
      }
      return out.toByteArray();
    }
  }
}
