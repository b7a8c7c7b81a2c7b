# generic: what every RFC 7865 SRC gives, and the fallback of every vendor profile.
#
# Format (see io.srs.core.fields.ProfileParser):
#   profile NAME | fallback NAME
#   match header NAME [~ REGEX] | match namespace URI | match namespace ~ REGEX
#   match root LOCAL-NAME | match element LOCAL-NAME
#   field FIELD SOURCE [ARGUMENT] [~ REGEX]
#   SOURCE: header NAME | xpath EXPR | participant-aor N | sender-aor N | from-uri | to-uri
# A profile matches when any 'match' holds (none: every call). Per field the first rule that
# finds a non-blank value wins. '~ REGEX' cleans the value: group 1, or the whole match.
#
# Address cleaning used below: strip an optional '<', the scheme (sip:, sips:, tel:), a leading
# '+', and everything from '@', ';', '>' or ':' on: 'sip:+15551234567@gw;user=phone' -> 15551234567.
profile generic

# RFC 7865 §6.3: the communication session's Session-ID (RFC 7989) is the one id every
# compliant SRC sends; keep the local UUID, drop ';remote=...'.
field conversationId xpath //*[local-name()='session']/*[local-name()='sipSessionID'] ~ ^([^;\s]+)

# RFC 7865 §6.2: a group links the recordings of one call (transfers with a new INVITE).
# Draft-era documents spell the attribute 'id'; sessions point at it with 'group-ref'.
field groupId xpath //*[local-name()='group']/@*[local-name()='group_id' or local-name()='id']
field groupId xpath //*[local-name()='session']/*[local-name()='group-ref']

# ani: the voice on the first stream, else the first participant (nameID/@aor, or the
# draft-era <aor> element), else the From user.
# The caller is not always first; vendor profiles know better and come first.
field ani sender-aor 1 ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field ani participant-aor 1 ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field ani xpath (//*[local-name()='participant'])[1]/*[local-name()='nameID']/@aor ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field ani xpath (//*[local-name()='participant'])[1]/*[local-name()='aor'] ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field ani from-uri ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)

# dnis: the voice on the second stream, else the second participant, else the To user.
field dnis sender-aor 2 ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field dnis participant-aor 2 ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field dnis xpath (//*[local-name()='participant'])[2]/*[local-name()='nameID']/@aor ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field dnis xpath (//*[local-name()='participant'])[2]/*[local-name()='aor'] ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
field dnis to-uri ~ ^<?(?:sips?:|tel:)?\+?([^@;>:]+)
