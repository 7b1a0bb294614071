-- Counts one call against a per-subject limit per window (docs/cognito.md §6.2: per-user
-- hourly limits), atomically, so parallel calls through several servers cannot exceed it. The window
-- opens at the first call and closes `window` ms later; a refused call is not counted.
-- KEYS[1] the counter hash {n, start}. ARGV[1] now (ms), ARGV[2] window (ms), ARGV[3] limit.
-- Returns 1 when the call is within the limit, 0 when it is refused.
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'n', 'start')
local n = tonumber(state[1]) or 0
local start = tonumber(state[2]) or now
if now - start >= window or now < start then
  n = 0
  start = now
end
if n >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], 'n', n + 1, 'start', start)
redis.call('PEXPIRE', KEYS[1], start + window - now)
return 1
