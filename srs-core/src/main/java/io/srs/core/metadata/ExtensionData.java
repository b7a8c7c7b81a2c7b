package io.srs.core.metadata;

/**
 * Extension data kept verbatim (RFC 7865 §6.11 "extensions"; BroadWorks' {@code extensiondata}):
 * either an {@code extensiondata} element or any element of a namespace other than the recording
 * namespaces (Oracle/Acme {@code apkt:ucid}, AudioCodes {@code ac:AvayaUCID}, Cisco, Ribbon…),
 * wherever it appeared.
 *
 * @param parent the id it belongs to: BroadWorks' {@code parent} attribute when present, else the
 *     id of the element it sat in ({@code group_id}, {@code session_id}, {@code participant_id},
 *     {@code stream_id}), or null at the root
 * @param namespace the element's namespace URI, or null for none
 * @param name the element's local name
 * @param xml the exact text of the element as it arrived, with every namespace declaration it
 *     relies on from its ancestors re-declared on its start tag, so the fragment parses on its own
 */
public record ExtensionData(String parent, String namespace, String name, String xml) {}
