-- Follows a refresh token to its sign-in and that sign-in's user in one round trip (REFRESH_TOKEN_AUTH
-- reads all three before it can sign: three sequential GETs cost more than the script).
-- KEYS[1] the refresh token (digest) → origin_jti. ARGV[1] the pool's auth-event key prefix,
-- ARGV[2] the pool's user key prefix: the event and user keys are derived from the stored values and
-- carry the pool's hash tag, so they live in KEYS[1]'s cluster slot (as in find-user.lua).
-- Returns false for no such token; {'revoked'} when the token's sign-in is gone (revoked); else
-- {event JSON, user record or false}. Read only.
local origin = redis.call('GET', KEYS[1])
if not origin then return false end
local event = redis.call('GET', ARGV[1] .. origin)
if not event then return {'revoked'} end
local username = cjson.decode(event)['username']
local record = false
if type(username) == 'string' then record = redis.call('GET', ARGV[2] .. username) end
return {event, record}
