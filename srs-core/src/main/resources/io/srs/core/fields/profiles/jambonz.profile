# jambonz: the jambonz CPaaS as the SRC (its SBC forks calls with SIPREC).
#
# Evidence: THIN. jambonz applications pass custom X- headers to the recorder, and its own call
# id is the call_sid; the header and element names below are assumptions to be confirmed
# against a trace. Add 'metadata.rules' for the headers your application sets.
profile jambonz
fallback generic

match header user-agent ~ (?i)jambonz
match header server ~ (?i)jambonz
match header x-jambonz-call-sid
match namespace ~ (?i)jambonz

field conversationId header x-jambonz-call-sid
field conversationId header x-call-sid
field conversationId xpath //*[local-name()='callSid' or local-name()='call_sid' or local-name()='call-sid']
field agentId header x-agent-id
