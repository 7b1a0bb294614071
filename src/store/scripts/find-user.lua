-- Resolves a user through candidate index keys (username, verified aliases, sub), in order.
-- KEYS: index keys of one pool (same hash tag). ARGV[1]: the pool's user key prefix.
-- The user key is derived from the index value; it carries the same hash tag, so it lives in the
-- same cluster slot as the declared keys.
-- Returns the user's JSON, or false.
for i = 1, #KEYS do
  local username = redis.call('GET', KEYS[i])
  if username then
    local json = redis.call('GET', ARGV[1] .. username)
    if json then return json end
  end
end
-- No user: still one read of a user key (one nobody holds), so a miss costs what a hit does.
redis.call('GET', ARGV[1])
return false
