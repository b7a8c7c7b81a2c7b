# opensips: OpenSIPS (siprec module) as the SRC.
#
# Evidence (OpenSIPS siprec module docs): siprec_start_recording() takes a group id, put in an
# RFC 7865 <group group_id=...> that links recordings; custom XML may be injected through the
# group/session custom extensions, so anything vendor-specific there needs 'metadata.rules'.
# OpenSIPS identifies itself in User-Agent/Server ("OpenSIPS (x.y.z ...)").
profile opensips
fallback generic

match header user-agent ~ (?i)opensips
match header server ~ (?i)opensips
match namespace ~ (?i)opensips

field groupId xpath //*[local-name()='group']/@*[local-name()='group_id']
