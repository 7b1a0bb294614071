-- Deletes a user if its version is unchanged (compare-and-set), the index entries that name it, its
-- filter index members and its sign-in events (tokens).
-- KEYS[1] user, KEYS[2] users sorted set, KEYS[3] the user's auth-event set, KEYS[4] the pool's
-- index hash, KEYS[5] the pool's filter index (sorted set).
-- ARGV[1] username, ARGV[2] auth-event key prefix, ARGV[3] expected version, ARGV[4] e, ARGV[5 .. 4+e]
-- index entries (sub, names, aliases), ARGV[5+e ..] filter members (derived from that version).
-- Returns 'OK', 'GONE' (no such user) or 'CONFLICT' (written since it was read: read it again).
-- Invariant: nothing of another user goes: an entry is removed only when it names this user.
local current = redis.call('GET', KEYS[1])
if not current then return 'GONE' end
if struct.unpack('>I4', current, 2) ~= tonumber(ARGV[3]) then return 'CONFLICT' end
for _, origin in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  redis.call('DEL', ARGV[2] .. origin)
end
local entries = tonumber(ARGV[4])
for i = 5, 4 + entries do
  if redis.call('HGET', KEYS[4], ARGV[i]) == ARGV[1] then redis.call('HDEL', KEYS[4], ARGV[i]) end
end
for i = 5 + entries, #ARGV do redis.call('ZREM', KEYS[5], ARGV[i]) end
redis.call('DEL', KEYS[1], KEYS[3])
redis.call('ZREM', KEYS[2], ARGV[1])
return 'OK'
