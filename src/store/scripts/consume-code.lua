-- Checks a one-time code and consumes it on a match, atomically: of many parallel right answers
-- exactly one wins.
-- KEYS[1] the code hash {digest, expiresAt}. ARGV[1] digest of the code given, ARGV[2] now (ms).
-- Returns 'OK', 'MISMATCH', 'EXPIRED' or 'MISSING' (no code was requested).
local fields = redis.call('HMGET', KEYS[1], 'digest', 'expiresAt')
if not fields[1] then return 'MISSING' end
if tonumber(ARGV[2]) >= tonumber(fields[2]) then return 'EXPIRED' end
if fields[1] ~= ARGV[1] then
  redis.call('HINCRBY', KEYS[1], 'failures', 1)
  return 'MISMATCH'
end
redis.call('DEL', KEYS[1])
return 'OK'
