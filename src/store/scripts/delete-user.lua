-- Deletes a user, the index keys that point at it, and its sign-in events (tokens).
-- KEYS[1] user, KEYS[2] users sorted set, KEYS[3] the user's auth-event set, KEYS[4 ..] index keys.
-- ARGV[1] username, ARGV[2] auth-event key prefix.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for _, origin in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  redis.call('DEL', ARGV[2] .. origin)
end
for i = 4, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
end
redis.call('DEL', KEYS[1], KEYS[3])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
