package io.srs.core.fields;

/**
 * Extracts normalised fields. Implementations must be thread-safe, pure (no I/O) and fast: they run
 * on SIP threads when a recording starts or changes, and on the finaliser at the end.
 */
@FunctionalInterface
public interface FieldExtractor {

  /** Extracts nothing. */
  FieldExtractor NONE = sources -> NormalisedFields.EMPTY;

  NormalisedFields extract(FieldSources sources);
}
