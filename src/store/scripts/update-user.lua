-- Replaces a user's record if its version is unchanged (compare-and-set), moving its index entries
-- in the same step.
-- KEYS[1] user (the pool's user key prefix followed by ARGV[3]), KEYS[2] the pool's index hash,
-- KEYS[3] the pool's filter index (sorted set).
-- ARGV[1] expected version, ARGV[2] new record (store/user-codec.ts: the version is the u32 at
-- byte 1), ARGV[3] username, ARGV[4] c, ARGV[5] r, ARGV[6] a, then c index entries to claim, r to
-- release, a filter members to add, and the rest filter members to remove.
-- Returns 'OK', 'GONE', 'CONFLICT' or 'TAKEN:<i>' (i-th claimed entry belongs to another user).
-- Invariant: as create-user.lua's; a name n:<v> is also held by the user whose key is <v> (implied).
local current = redis.call('GET', KEYS[1])
if not current then return 'GONE' end
if struct.unpack('>I4', current, 2) ~= tonumber(ARGV[1]) then return 'CONFLICT' end
local prefix = string.sub(KEYS[1], 1, #KEYS[1] - #ARGV[3])
local c, r, a = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local claims, releases, adds, removes = 7, 7 + c, 7 + c + r, 7 + c + r + a
for i = claims, releases - 1 do
  local owner = redis.call('HGET', KEYS[2], ARGV[i])
  local name = string.sub(ARGV[i], 3)
  if not owner and string.sub(ARGV[i], 1, 2) == 'n:' and name ~= '' and redis.call('EXISTS', prefix .. name) == 1 then owner = name end
  if owner and owner ~= ARGV[3] then return 'TAKEN:' .. (i - claims + 1) end
end
for i = releases, adds - 1 do
  if redis.call('HGET', KEYS[2], ARGV[i]) == ARGV[3] then redis.call('HDEL', KEYS[2], ARGV[i]) end
end
for i = claims, releases - 1 do
  if ARGV[i] ~= 'n:' .. ARGV[3] then redis.call('HSET', KEYS[2], ARGV[i], ARGV[3]) end
end
for i = removes, #ARGV do redis.call('ZREM', KEYS[3], ARGV[i]) end
for i = adds, removes - 1 do redis.call('ZADD', KEYS[3], 0, ARGV[i]) end
redis.call('SET', KEYS[1], ARGV[2])
return 'OK'
