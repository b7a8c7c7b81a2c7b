# oracle: Oracle Communications (Acme Packet) Session Border Controllers as the SRC.
#
# Evidence (Oracle E-SBC configuration guides, "Sample Metadata" of the Universal Call
# Identifier SPL and of the SIPREC Extension Data Enhancements SPL):
# - extension data in namespace http://acmepacket.com/siprec/extensiondata (one sample spells
#   it http:/acmepacket.com..., hence the regex match), prefix apkt.
# - <apkt:ucid> on the session: a UCID, GUID or Genesys UUID, sometimes with ';encoding=hex'.
# - per participant <apkt:callingParty>true|false</apkt:callingParty>; draft-era documents
#   nest it inside <participant>, RFC-era ones put <extensiondata parent="participant id">
#   beside it. apkt:callerOrig is read the same way (named in our issue; no public sample).
# - The Oracle ISR recorder also honours an X-ISR-UCID header set by an SPL.
profile oracle
fallback generic

match header user-agent ~ (?i)acme ?packet|oracle|\bocsbc\b
match header server ~ (?i)acme ?packet|oracle
match namespace ~ (?i)acmepacket
match header x-isr-ucid

field ucid xpath //*[local-name()='ucid'] ~ ^([^;\s]+)
field ucid header x-isr-ucid
field conversationId header x-isr-ucid
field conversationId xpath //*[local-name()='ucid'] ~ ^([^;\s]+)

# The calling party: nested (draft era), then by parent reference (RFC era).
field ani xpath //*[local-name()='participant'][.//*[(local-name()='callingParty' or local-name()='callerOrig') and normalize-space(.)='true']]/*[local-name()='nameID']/@aor ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field ani xpath //*[local-name()='participant'][@*[local-name()='participant_id' or local-name()='id'] = //*[local-name()='extensiondata'][*[(local-name()='callingParty' or local-name()='callerOrig') and normalize-space(.)='true']]/@parent]/*[local-name()='nameID']/@aor ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field dnis xpath //*[local-name()='participant'][.//*[(local-name()='callingParty' or local-name()='callerOrig') and normalize-space(.)='false']]/*[local-name()='nameID']/@aor ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field dnis xpath //*[local-name()='participant'][@*[local-name()='participant_id' or local-name()='id'] = //*[local-name()='extensiondata'][*[(local-name()='callingParty' or local-name()='callerOrig') and normalize-space(.)='false']]/@parent]/*[local-name()='nameID']/@aor ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
