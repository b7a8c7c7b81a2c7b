package io.srs.core.metadata;

/**
 * RFC 7865 §6.5 {@code nameID}: an address of record with an optional display name.
 *
 * @param aor the {@code aor} attribute (a SIP/tel URI), never null
 * @param name the {@code name} child's text, or null
 * @param nameLang the {@code xml:lang} of the name, or null
 */
public record NameId(String aor, String name, String nameLang) {}
