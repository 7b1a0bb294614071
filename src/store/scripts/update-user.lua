-- Replaces a user's record if its version is unchanged (compare-and-set), claiming and releasing
-- index entries in the same step.
-- KEYS[1] user, KEYS[2] the pool's index hash.
-- ARGV[1] expected version, ARGV[2] new record (store/user-codec.ts: the version is the u32 at
-- byte 1), ARGV[3] username, ARGV[4] c, ARGV[5 .. 4+c] entries to claim, ARGV[5+c ..] entries to release.
-- Returns 'OK', 'GONE', 'CONFLICT' or 'TAKEN:<i>' (i-th claimed entry belongs to another user).
-- Invariant: as create-user.lua's; a name n:<v> is also held by the user whose key is <v> (implied).
local current = redis.call('GET', KEYS[1])
if not current then return 'GONE' end
if struct.unpack('>I4', current, 2) ~= tonumber(ARGV[1]) then return 'CONFLICT' end
-- KEYS[1] is the pool's user key prefix followed by the username.
local prefix = string.sub(KEYS[1], 1, #KEYS[1] - #ARGV[3])
local claims = tonumber(ARGV[4])
for i = 5, 4 + claims do
  local owner = redis.call('HGET', KEYS[2], ARGV[i])
  local name = string.sub(ARGV[i], 3)
  if not owner and string.sub(ARGV[i], 1, 2) == 'n:' and name ~= '' and redis.call('EXISTS', prefix .. name) == 1 then owner = name end
  if owner and owner ~= ARGV[3] then return 'TAKEN:' .. (i - 4) end
end
for i = 5 + claims, #ARGV do
  if redis.call('HGET', KEYS[2], ARGV[i]) == ARGV[3] then redis.call('HDEL', KEYS[2], ARGV[i]) end
end
for i = 5, 4 + claims do
  if ARGV[i] ~= 'n:' .. ARGV[3] then redis.call('HSET', KEYS[2], ARGV[i], ARGV[3]) end
end
redis.call('SET', KEYS[1], ARGV[2])
return 'OK'
