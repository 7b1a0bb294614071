-- Checks a one-time code and, on a match, consumes it, atomically: of many parallel right answers
-- exactly one wins.
-- KEYS[1] the code hash {digest, expiresAt, attribute}. ARGV[1] digest of the code given,
-- ARGV[2] now (ms), ARGV[3] '1' to consume on a match, '0' to only compare (the caller still has a
-- reason to refuse, and the user keeps the code).
-- Returns {'OK', attribute}, {'MISMATCH'}, {'EXPIRED'} or {'MISSING'} (no code was requested).
local fields = redis.call('HMGET', KEYS[1], 'digest', 'expiresAt', 'attribute')
if not fields[1] then return {'MISSING'} end
if tonumber(ARGV[2]) >= tonumber(fields[2]) then return {'EXPIRED'} end
-- A mismatch writes nothing: a missing code (an unknown name's empty phantom slot) and a wrong one
-- cost Redis the same.
if fields[1] ~= ARGV[1] then return {'MISMATCH'} end
if ARGV[3] == '1' then redis.call('DEL', KEYS[1]) end
return {'OK', fields[3] or ''}
