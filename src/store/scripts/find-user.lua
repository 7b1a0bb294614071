-- Resolves a user through candidate index keys (username, verified aliases, sub), in order.
-- KEYS: index keys of one pool (same hash tag). ARGV[1]: the pool's user key prefix.
-- The user key is derived from the index value; it carries the same hash tag, so it lives in the
-- same cluster slot as the declared keys.
-- Returns {internal username, record} or, for no user, the stand-in record kept under the user key of the
-- empty username (no user can have it; the store writes it at a pool's first miss): a miss makes
-- the reads a hit makes and answers as much, so it is not the faster answer. False until then.
for i = 1, #KEYS do
  local username = redis.call('GET', KEYS[i])
  if username then
    local json = redis.call('GET', ARGV[1] .. username)
    if json then return {username, json} end
  end
end
local standIn = redis.call('GET', ARGV[1] .. '')
if standIn then return {'', standIn} end
return false
