# audiocodes: AudioCodes Mediant SBCs as the SRC.
#
# Evidence (AudioCodes Mediant user manuals, "Interworking SIP-based media recording with
# third-party vendors"):
# - When the recorded call carries Genesys' X-Genesys-CallUUID, the SBC copies it into the
#   metadata as <ac:GenesysUUID xmlns="urn:ietf:params:xml:ns:Genesys">.
# - When the recorded call comes from Avaya, the UCID from User-to-User is copied into
#   <ac:AvayaUCID xmlns="urn:ietf:params:xml:ns:Avaya"> (the manual's example keeps the
#   'FA08' prefix of the UUI: FA080019001038F725B3); we keep the value as sent.
# - SmartTAP documents X-AUDC-CALL-ID and AC-SESSION-ID on the recording INVITE as the
#   original call id.
# The manual's example does not show where the 'ac' prefix is declared; documents are read
# by local name, so any declaration works. Agent ids are not sent by the SBC itself.
profile audiocodes
fallback generic

match header user-agent ~ (?i)audiocodes|mediant|^device /
match header server ~ (?i)audiocodes|mediant
match header x-audc-call-id
match header ac-session-id
match namespace urn:ietf:params:xml:ns:Genesys
match namespace urn:ietf:params:xml:ns:Avaya
match namespace ~ (?i)audiocodes
match element GenesysUUID
match element AvayaUCID

field conversationId xpath //*[local-name()='GenesysUUID']
field conversationId header x-audc-call-id
field conversationId header ac-session-id
field ucid xpath //*[local-name()='AvayaUCID']
field conversationId xpath //*[local-name()='AvayaUCID']
