package io.srs.core.fields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a vault searches on, extracted from whatever dialect the SRC speaks.
 *
 * @param values field name ({@code agentId}, {@code conversationId}, {@code ani}, {@code dnis},
 *     {@code queue}, {@code accountNumber}, {@code direction}, ...) to value, in a stable order
 * @param profile the SRC profile that matched ({@code genesys}, {@code oracle}, ...), or {@code
 *     generic}
 */
public record NormalisedFields(Map<String, String> values, String profile) {
  public static final NormalisedFields EMPTY = new NormalisedFields(Map.of(), "none");

  public NormalisedFields {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
