-- Takes a challenge session for use, once.
-- KEYS[1] the session hash {state, expiresAt, used}. ARGV[1] now (ms).
-- Returns {'OK', state}, {'MISSING'}, {'USED'} or {'EXPIRED'}.
local fields = redis.call('HMGET', KEYS[1], 'state', 'expiresAt', 'used')
if not fields[1] then return {'MISSING'} end
if fields[3] == '1' then return {'USED'} end
if tonumber(ARGV[1]) >= tonumber(fields[2]) then return {'EXPIRED'} end
redis.call('HSET', KEYS[1], 'used', '1')
return {'OK', fields[1]}
