# cisco: Cisco Unified Border Element (CUBE) as the SRC.
#
# Evidence: CUBE's SIPREC guide (Cisco, "SIPREC (SIP Recording)") sends RFC 7865 metadata with
# the communication session's Session-ID (RFC 7989) in <sipSessionID>; CUBE calls carry the
# Cisco-GUID header (also named by Oracle's UCID SPL: Cisco-GUID, Cisco-GUCID). Cisco's own
# extension elements are THIN evidence: elements named GUID/callGUID are read by local name.
profile cisco
fallback generic

match header user-agent ~ (?i)cisco|\bcube\b
match header server ~ (?i)cisco|\bcube\b
match header cisco-guid
match namespace ~ (?i)cisco

field conversationId xpath //*[local-name()='session']/*[local-name()='sipSessionID'] ~ ^([^;\s]+)
field conversationId header cisco-guid
field ucid header cisco-guid
field ucid header cisco-gucid
field ucid xpath //*[local-name()='GUID' or local-name()='callGUID']
