-- Resolves a user through candidate index entries (username, verified aliases, sub), in order.
-- KEYS[1] the pool's index hash (entry → internal username). ARGV[1] the pool's user key prefix,
-- ARGV[2 ..] index entries (store/keys.ts indexEntry). The user key is derived from the index
-- value; it carries the pool's hash tag, so it lives in the same cluster slot as KEYS[1].
-- Entries a user key already answers are implied, not stored (store/users.ts): a name n:<v> no
-- entry holds is the user whose key is <v>; a sub s:<v> is the user whose key is <v> if that
-- record's sub is <v> (a username that merely looks like someone's sub is not a sub).
-- Returns {internal username, record} or, for no user, {'', stand-in record}: the stand-in is kept
-- under the user key of the empty username (no user can have it; the store writes it at a pool's
-- first miss), so a miss makes the reads a hit makes and answers as much. False until then.
-- Invariant: read-only; a name or text sub no entry holds costs one more read (the user key of that
-- name), whether or not a user has that key, so known and unknown names make the same reads.

-- The sub of a record (store/user-codec.ts: flags at byte 5, bit 5 = not a UUID; sub from byte 7).
local function subOf(record)
  if math.floor(string.byte(record, 6) / 32) % 2 == 1 then
    return string.sub(record, 9, 8 + string.byte(record, 8))
  end
  local hex = string.gsub(string.sub(record, 8, 23), '.', function(c) return string.format('%02x', string.byte(c)) end)
  return string.sub(hex, 1, 8) .. '-' .. string.sub(hex, 9, 12) .. '-' .. string.sub(hex, 13, 16) .. '-' .. string.sub(hex, 17, 20) .. '-' .. string.sub(hex, 21)
end

for i = 2, #ARGV do
  local username = redis.call('HGET', KEYS[1], ARGV[i])
  if username then
    local record = redis.call('GET', ARGV[1] .. username)
    if record then return {username, record} end
  else
    local kind, value = string.sub(ARGV[i], 1, 2), string.sub(ARGV[i], 3)
    if (kind == 'n:' or kind == 's:') and value ~= '' then
      local record = redis.call('GET', ARGV[1] .. value)
      if record and (kind == 'n:' or subOf(record) == value) then return {value, record} end
    end
  end
end
local standIn = redis.call('GET', ARGV[1] .. '')
if standIn then return {'', standIn} end
return false
