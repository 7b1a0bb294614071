-- Takes one request from a pool's request-rate quota for one category (docs/quotas.md), by the
-- generic cell rate algorithm: the key holds the theoretical arrival time (TAT) of the next request.
-- A steady rate of `rate` requests per second passes, with bursts of up to `rate` requests; a
-- refused request takes nothing, so callers that are shed do not push the window further out.
-- Atomic, so every server process and instance shares one quota exactly.
-- KEYS[1] the quota key of (pool, category). ARGV[1] now (ms), ARGV[2] rate (requests per second).
-- Returns 1 when the request may run, 0 when the quota is exhausted.
-- Invariant: over any interval of t seconds at most rate * (t + 1) requests are admitted.
local now = tonumber(ARGV[1])
local interval = 1000 / tonumber(ARGV[2])
local burst = 1000
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
if tat - now > burst - interval then
  return 0
end
local nextTat = tat + interval
redis.call('SET', KEYS[1], nextTat, 'PX', math.ceil(nextTat - now) + 1000)
return 1
