# broadworks: Cisco/BroadSoft BroadWorks Application Server as the SRC.
#
# Evidence (BroadWorks Call Recording Interface Guide, R20): root element recording_metadata in
# namespace urn:ietf:params:xml:ns:siprec (draft era); extensiondata blocks that point at the
# element they extend with a parent= attribute and carry BroadWorks ids: extTrackingID (the
# call's external tracking id, stable across the BroadWorks call), callID, and userID (the
# BroadWorks user recorded: in a call centre, the agent). No Require: siprec; ';src' in Contact.
profile broadworks
fallback generic

match root recording_metadata
match namespace urn:ietf:params:xml:ns:siprec
match header user-agent ~ (?i)broadworks
match element extTrackingID

field conversationId xpath //*[local-name()='extTrackingID']
field agentId xpath //*[local-name()='userID'] ~ ^([^@\s]+)
field callId xpath //*[local-name()='callID']
