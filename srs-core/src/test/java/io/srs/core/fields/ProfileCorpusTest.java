package io.srs.core.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every SRC family of the corpus yields exactly the fields its folder expects. */
class ProfileCorpusTest {
  private static final ProfileFieldExtractor EXTRACTOR =
      ProfileFieldExtractor.withBuiltInProfiles(List.of());

  static List<String> cases() {
    return Corpus.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theCaseYieldsTheExpectedProfileAndFields(String name) {
    Map<String, String> expected = Corpus.expected(name);
    String profile = expected.remove("profile");

    NormalisedFields fields = EXTRACTOR.extract(Corpus.sources(name));

    assertThat(fields.profile()).as("profile of %s", name).isEqualTo(profile);
    assertThat(fields.values()).as("fields of %s", name).isEqualTo(expected);
  }
}
