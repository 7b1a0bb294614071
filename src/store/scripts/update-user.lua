-- Replaces a user's record if its version is unchanged (compare-and-set), claiming and releasing
-- index keys in the same step.
-- KEYS[1] user, KEYS[2 .. 1+c] index keys to claim, KEYS[2+c ..] index keys to release.
-- ARGV[1] expected version, ARGV[2] new record (store/user-codec.ts: the version is the u32 at byte 1), ARGV[3] username, ARGV[4] c.
-- Returns 'OK', 'GONE', 'CONFLICT' or 'TAKEN:<i>' (i-th claim key belongs to another user).
local current = redis.call('GET', KEYS[1])
if not current then return 'GONE' end
if struct.unpack('>I4', current, 2) ~= tonumber(ARGV[1]) then return 'CONFLICT' end
local claims = tonumber(ARGV[4])
for i = 2, 1 + claims do
  local owner = redis.call('GET', KEYS[i])
  if owner and owner ~= ARGV[3] then return 'TAKEN:' .. (i - 1) end
end
for i = 2 + claims, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[3] then redis.call('DEL', KEYS[i]) end
end
for i = 2, 1 + claims do redis.call('SET', KEYS[i], ARGV[3]) end
redis.call('SET', KEYS[1], ARGV[2])
return 'OK'
