-- Replaces one sealed value if it is still the one read (compare-and-set), for `make reseal`: a
-- server that wrote the value meanwhile sealed it under the newest key already, so losing is fine.
-- KEYS[1] the key. ARGV[1] the hash field, or '' for a string key; ARGV[2] the value read; ARGV[3] the new value.
-- Returns 1 when replaced, 0 when the value changed (or vanished) in between.
-- Invariant: only a value byte-for-byte equal to the one read is replaced; a key's TTL is kept.
local current
if ARGV[1] == '' then current = redis.call('GET', KEYS[1]) else current = redis.call('HGET', KEYS[1], ARGV[1]) end
if current ~= ARGV[2] then return 0 end
if ARGV[1] == '' then redis.call('SET', KEYS[1], ARGV[3], 'KEEPTTL') else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
return 1
