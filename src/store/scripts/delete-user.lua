-- Deletes a user, the index entries that name it, and its sign-in events (tokens).
-- KEYS[1] user, KEYS[2] users sorted set, KEYS[3] the user's auth-event set, KEYS[4] the pool's index hash.
-- ARGV[1] username, ARGV[2] auth-event key prefix, ARGV[3 ..] index entries (sub, names, aliases).
-- Returns 1, or 0 when there was no such user.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for _, origin in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  redis.call('DEL', ARGV[2] .. origin)
end
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[4], ARGV[i]) == ARGV[1] then redis.call('HDEL', KEYS[4], ARGV[i]) end
end
redis.call('DEL', KEYS[1], KEYS[3])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
