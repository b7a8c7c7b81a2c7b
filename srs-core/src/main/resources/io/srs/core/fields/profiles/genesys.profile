# genesys: Genesys Cloud BYOC Edges and Genesys Engage (SIP Server) as the SRC, identified by
# their own SIP headers on the recording INVITE.
#
# Evidence:
# - Genesys Cloud reserves the header prefixes x-inin, x-genesys, x-pcv and x-gcv for internal
#   use (help.mypurecloud.com "Configure custom SIP headers").
# - x-inin-cnv carries the Genesys Cloud conversation id on INVITEs Genesys sends (PolyAI's
#   Genesys BYOC integration guide).
# - X-Genesys-CallUUID identifies the session on Genesys Engage (AudioCodes user manuals,
#   "Interworking SIP-based media recording with Genesys").
# - The agent, queue, direction, ANI and DNIS header names below are THIN evidence: seen in
#   third-party SRS vendor guides (X-Genesys-* carrying agent id, queue, conversation id), not
#   in a Genesys reference. Every spelling variant is tried; header names are case-insensitive.
#   Confirm against a trace of your Edge and add 'metadata.rules' for anything else.
profile genesys
fallback generic

match header user-agent ~ (?i)genesys|purecloud|\binin\b
match header server ~ (?i)genesys|purecloud
match header x-inin-cnv
match header x-genesys-conversationid
match header x-genesys-conversation-id
match header x-genesys-calluuid

field conversationId header x-genesys-conversationid
field conversationId header x-genesys-conversation-id
field conversationId header x-genesys-conversation
field conversationId header x-inin-cnv
field conversationId header x-genesys-calluuid

field agentId header x-genesys-agentid
field agentId header x-genesys-agent-id
field agentId header x-genesys-userid
field agentId header x-genesys-user-id

field queue header x-genesys-queue
field queue header x-genesys-queuename
field queue header x-genesys-queue-name
field queue header x-genesys-queueid
field queue header x-genesys-queue-id

field direction header x-genesys-direction ~ (?i)^(inbound|outbound)

field ani header x-genesys-ani ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field dnis header x-genesys-dnis ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)

field accountNumber header x-genesys-accountnumber
field accountNumber header x-genesys-account-number

field ucid header x-genesys-calluuid
