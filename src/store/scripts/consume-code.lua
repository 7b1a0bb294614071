-- Checks a one-time code and, on a match, consumes it, atomically: of many parallel right answers
-- exactly one wins. Each slot takes at most ARGV[4] wrong answers; after that it answers EXHAUSTED,
-- even to the right code, until a new code replaces it (docs/quotas.md, "Codes that were guessed at").
-- Wrong answers count alike whether the slot holds a code or not (an unknown name's empty phantom
-- slot, a real user whose code was used), so reaching the cap says nothing about existence.
-- KEYS[1] the code hash {digest, expiresAt, attribute, failures}. ARGV[1] digest of the code given,
-- ARGV[2] now (ms), ARGV[3] '1' to consume on a match, '0' to only compare (the caller still has a
-- reason to refuse, and the user keeps the code), ARGV[4] the cap, ARGV[5] how long an empty
-- slot keeps its count (ms).
-- Returns {'OK', attribute}, {'MISMATCH'}, {'EXPIRED'}, {'MISSING'} (no code was requested) or
-- {'EXHAUSTED'}.
local fields = redis.call('HMGET', KEYS[1], 'digest', 'expiresAt', 'attribute', 'failures')
local failures = tonumber(fields[4]) or 0
if fields[1] and tonumber(ARGV[2]) >= tonumber(fields[2]) then return {'EXPIRED'} end
if failures >= tonumber(ARGV[4]) then return {'EXHAUSTED'} end
if not fields[1] then
  redis.call('HINCRBY', KEYS[1], 'failures', 1)
  if failures == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
  return {'MISSING'}
end
if fields[1] ~= ARGV[1] then
  redis.call('HINCRBY', KEYS[1], 'failures', 1)
  return {'MISMATCH'}
end
if ARGV[3] == '1' then redis.call('DEL', KEYS[1]) end
return {'OK', fields[3] or ''}
