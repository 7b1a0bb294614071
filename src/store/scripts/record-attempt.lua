-- Records one password sign-in attempt and decides the lockout (docs/cognito.md §6.4):
-- after 5 failures each further attempt is refused for 2^(n-5) s, at most 900 s; attempts during a
-- lockout are refused without counting; 15 quiet minutes reset the counter; a success resets it.
-- Atomic, so parallel attempts through several servers cannot exceed the limit.
-- KEYS[1] the lockout hash. ARGV[1] now (ms), ARGV[2] '1' when the password was right.
-- Returns 'OK', 'FAILED' or 'LOCKED'.
local now = tonumber(ARGV[1])
local quiet = 900000
local state = redis.call('HMGET', KEYS[1], 'n', 'until', 'last')
local failures = tonumber(state[1]) or 0
local lockedUntil = tonumber(state[2]) or 0
local last = tonumber(state[3]) or 0
if last > 0 and now - last >= quiet then
  failures = 0
  lockedUntil = 0
end
if now < lockedUntil then
  redis.call('HSET', KEYS[1], 'n', failures, 'until', lockedUntil, 'last', now)
  redis.call('PEXPIRE', KEYS[1], lockedUntil - now + quiet)
  return 'LOCKED'
end
if ARGV[2] == '1' then
  redis.call('DEL', KEYS[1])
  return 'OK'
end
failures = failures + 1
if failures >= 5 then
  lockedUntil = now + math.min(2 ^ (failures - 5), 900) * 1000
end
redis.call('HSET', KEYS[1], 'n', failures, 'until', lockedUntil, 'last', now)
redis.call('PEXPIRE', KEYS[1], math.max(lockedUntil - now, 0) + quiet)
return 'FAILED'
