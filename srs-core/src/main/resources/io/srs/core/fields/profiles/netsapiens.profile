# netsapiens: NetSapiens SiPBx as the SRC.
#
# Evidence: THIN. Field reports (our issue 3) show NetSapiens ending the recording with BYE on a
# transfer and starting a new INVITE linked by a group_id; the group id is therefore the id of
# the whole conversation. Whether it is sent as the RFC 7865 group_id attribute or as an
# element is not publicly documented: both are read. User-Agent spelling is an assumption.
profile netsapiens
fallback generic

match header user-agent ~ (?i)netsapiens|sipbx
match header server ~ (?i)netsapiens|sipbx
match namespace ~ (?i)netsapiens

field groupId xpath //*[local-name()='group']/@*[local-name()='group_id']
field groupId xpath //*[local-name()='group_id' or local-name()='groupId']
field conversationId xpath //*[local-name()='group']/@*[local-name()='group_id']
field conversationId xpath //*[local-name()='group_id' or local-name()='groupId']
