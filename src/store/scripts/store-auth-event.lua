-- Stores a sign-in event (origin_jti) with its refresh-token digest, and indexes it under the user.
-- KEYS[1] auth event, KEYS[2] refresh token, KEYS[3] the user's auth-event set.
-- ARGV[1] origin_jti, ARGV[2] event JSON, ARGV[3] ttl (ms), ARGV[4] expiry (ms epoch), ARGV[5] now (ms).
local ttl = tonumber(ARGV[3])
redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl)
redis.call('SET', KEYS[2], ARGV[1], 'PX', ttl)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[5])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
if redis.call('PTTL', KEYS[3]) < ttl then redis.call('PEXPIRE', KEYS[3], ttl) end
return 1
