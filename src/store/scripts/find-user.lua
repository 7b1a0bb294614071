-- Resolves a user through candidate index entries (username, verified aliases, sub), in order.
-- KEYS[1] the pool's index hash (entry → internal username). ARGV[1] the pool's user key prefix,
-- ARGV[2 ..] index entries (store/keys.ts indexEntry). The user key is derived from the index
-- value; it carries the pool's hash tag, so it lives in the same cluster slot as KEYS[1].
-- Returns {internal username, record} or, for no user, {'', stand-in record}: the stand-in is kept
-- under the user key of the empty username (no user can have it; the store writes it at a pool's
-- first miss), so a miss makes the reads a hit makes and answers as much. False until then.
for i = 2, #ARGV do
  local username = redis.call('HGET', KEYS[1], ARGV[i])
  if username then
    local record = redis.call('GET', ARGV[1] .. username)
    if record then return {username, record} end
  end
end
local standIn = redis.call('GET', ARGV[1] .. '')
if standIn then return {'', standIn} end
return false
