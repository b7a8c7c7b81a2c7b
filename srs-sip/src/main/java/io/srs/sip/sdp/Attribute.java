package io.srs.sip.sdp;

/**
 * One {@code a=} line (RFC 4566 §5.13): a property attribute has a null value.
 *
 * @param name the attribute name as sent
 * @param value the text after the first colon, or null for {@code a=name}
 */
public record Attribute(String name, String value) {}
