# avaya: Avaya SBCE / Session Manager as the SRC.
#
# Evidence: the Universal Call Identifier (UCID) is Avaya's call id; it travels in the
# User-to-User header as '00' (protocol discriminator) 'FA' (UCID tag) '08' (length) and 8
# bytes: 00FA080019001038F725B3;encoding=hex (AudioCodes and Oracle manuals). We keep the 16
# hex digits of the UCID itself. Avaya's own SIPREC extension elements are NOT publicly
# documented: any element named ucid/UCID/AvayaUCID is read by local name. Agent and skill ids
# need 'metadata.rules' for your deployment.
profile avaya
fallback generic

match header user-agent ~ (?i)avaya
match header server ~ (?i)avaya
match namespace ~ (?i)avaya

field ucid xpath //*[local-name()='AvayaUCID' or local-name()='ucid' or local-name()='UCID']
field ucid header user-to-user ~ (?i)^00FA08([0-9A-F]{16})
field conversationId xpath //*[local-name()='AvayaUCID' or local-name()='ucid' or local-name()='UCID']
field conversationId header user-to-user ~ (?i)^00FA08([0-9A-F]{16})
