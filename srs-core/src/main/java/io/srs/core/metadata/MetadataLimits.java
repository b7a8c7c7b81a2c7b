package io.srs.core.metadata;

/**
 * Bounds on a metadata body read from the network (STYLE.md rule 7).
 *
 * @param maxBytes the largest body we parse; larger is refused with SIP 413
 * @param maxDepth the deepest element nesting
 * @param maxElements the most elements in one document
 */
public record MetadataLimits(int maxBytes, int maxDepth, int maxElements) {

  /** 64 KiB, depth 32, 10,000 elements: far above any SRC seen, far below harm. */
  public static final MetadataLimits DEFAULT = new MetadataLimits(64 * 1024, 32, 10_000);

  public MetadataLimits {
    if (maxBytes < 1 || maxDepth < 1 || maxElements < 1) {
      throw new IllegalArgumentException("metadata limits must be positive");
    }
  }
}
