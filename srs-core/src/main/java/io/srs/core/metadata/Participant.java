package io.srs.core.metadata;

import java.util.List;

/**
 * RFC 7865 §6.5 {@code participant}.
 *
 * @param id the {@code participant_id} attribute, kept as sent (often not base64 in the field)
 * @param nameIds the participant's names, in document order
 */
public record Participant(String id, List<NameId> nameIds) {
  public Participant {
    nameIds = List.copyOf(nameIds);
  }

  /** The first address of record, or null when the participant has none. */
  public String primaryAor() {
    return nameIds.isEmpty() ? null : nameIds.get(0).aor();
  }

  /** The first display name, or null. */
  public String displayName() {
    for (NameId nameId : nameIds) {
      if (nameId.name() != null && !nameId.name().isBlank()) {
        return nameId.name();
      }
    }
    return null;
  }
}
