# ribbon: Ribbon (Sonus, GENBAND) SBC Core as the SRC.
#
# Evidence (Ribbon SBC Core docs, "SIPREC Metadata Profile"): the metadata carries a callData
# section (at most 2,048 bytes) with the global call id (gcid), the call-id, from and to of the
# recorded leg, plus headers mapped by a sipRecMetadataProfile. An INVITE-with-Replaces
# transfer ends the SIPREC dialog and starts a new one: the gcid links the two recordings, so
# it is both the group and the conversation id. Ribbon may send metadata in BYE too; the
# latest body wins. Element case and namespace are not documented: matched by local name.
profile ribbon
fallback generic

match header user-agent ~ (?i)ribbon|sonus|genband
match header server ~ (?i)ribbon|sonus|genband
match namespace ~ (?i)ribbon|sonus|rbbn
match element callData

field groupId xpath //*[local-name()='callData']/*[local-name()='gcid']
field conversationId xpath //*[local-name()='callData']/*[local-name()='gcid']
field conversationId xpath //*[local-name()='callData']/*[local-name()='call-id' or local-name()='callId']
field ani xpath //*[local-name()='callData']/*[local-name()='from'] ~ (?:sips?:|tel:)\+?([^@;>:]+)
field dnis xpath //*[local-name()='callData']/*[local-name()='to'] ~ (?:sips?:|tel:)\+?([^@;>:]+)
