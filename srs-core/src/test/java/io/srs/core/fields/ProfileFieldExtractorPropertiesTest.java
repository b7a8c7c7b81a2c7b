package io.srs.core.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.metadata.RecordingMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the SRC sends, extraction returns fields and a profile: it never throws, which would
 * lose the sidecar of a recording.
 */
class ProfileFieldExtractorPropertiesTest {
  private static final int TRIES = 300;

  private static final ProfileFieldExtractor EXTRACTOR =
      ProfileFieldExtractor.withBuiltInProfiles(
          List.of(
              FieldRule.parse("agentId", "header x-agent ~ ^(\\w+)"),
              FieldRule.parse("tier", "xpath //*[local-name()='tier']")));

  private static final List<String> TOKENS =
      List.of(
          "<recording xmlns='urn:ietf:params:xml:ns:recording:1'>",
          "</recording>",
          "<recording_metadata xmlns='urn:ietf:params:xml:ns:siprec'>",
          "<session session_id='s'>",
          "</session>",
          "<sipSessionID>",
          "</sipSessionID>",
          "<group group_id='g'>",
          "</group>",
          "<participant participant_id='p'>",
          "</participant>",
          "<nameID aor='sip:+1555@x'>",
          "</nameID>",
          "<extensiondata xmlns:apkt='http://acmepacket.com/siprec/extensiondata'>",
          "</extensiondata>",
          "<apkt:ucid>",
          "</apkt:ucid>",
          "<apkt:callingParty>true</apkt:callingParty>",
          "<ac:GenesysUUID xmlns:ac='http://AudioCodes'>",
          "</ac:GenesysUUID>",
          "<callData><gcid>",
          "</gcid></callData>",
          "<!DOCTYPE r [<!ENTITY a 'b'>]>",
          "&a;",
          "&amp;",
          "&#0;",
          "<![CDATA[",
          "]]>",
          "<!--",
          "-->",
          "<?xml version='1.0' encoding='UTF-16'?>",
          "<undeclared:x>",
          "text",
          " ",
          "\u00e9",
          "\uFEFF");

  @Property(tries = TRIES)
  void arbitraryBytesNeverMakeExtractionThrow(
      @ForAll @Size(max = 4) List<@Size(max = 400) byte[]> bodies,
      @ForAll("headers") Map<String, List<String>> headers,
      @ForAll("uris") String from) {
    assertExtracts(new FieldSources(RecordingMetadata.EMPTY, bodies, headers, from, null));
  }

  @Property(tries = TRIES)
  void tokenSoupBodiesNeverMakeExtractionThrow(
      @ForAll("soup") List<String> bodies, @ForAll("headers") Map<String, List<String>> headers) {
    List<byte[]> raw = new ArrayList<>();
    bodies.forEach(body -> raw.add(body.getBytes(StandardCharsets.UTF_8)));
    assertExtracts(new FieldSources(RecordingMetadata.EMPTY, raw, headers, null, "tel:+1"));
  }

  private static void assertExtracts(FieldSources sources) {
    NormalisedFields fields = EXTRACTOR.extract(sources);
    assertThat(fields.profile()).isNotBlank();
    assertThat(fields.values().values()).allSatisfy(v -> assertThat(v).isNotBlank());
  }

  @Provide
  Arbitrary<List<String>> soup() {
    Arbitrary<String> body =
        Arbitraries.of(TOKENS).list().ofMaxSize(30).map(tokens -> String.join("", tokens));
    return body.list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<Map<String, List<String>>> headers() {
    Arbitrary<String> names =
        Arbitraries.of(
            "user-agent", "x-inin-cnv", "x-genesys-queue", "user-to-user", "cisco-guid", "x-agent");
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.of("Genesys Cloud", "Mediant", "Oracle", "00FA08", "Ribbon", "jambonz"));
    return Arbitraries.maps(names, values.list().ofMaxSize(2)).ofMaxSize(4).map(LinkedHashMap::new);
  }

  @Provide
  Arbitrary<String> uris() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30).injectNull(0.2),
        Arbitraries.of("sip:+15551234@x", "tel:+1", "<sip:a@b>", "sips:@"));
  }
}
