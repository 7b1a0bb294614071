-- Creates a user and claims its index entries atomically.
-- KEYS[1] user, KEYS[2] users sorted set, KEYS[3] the pool's index hash, KEYS[4] the pool's filter
-- index (sorted set, store/keys.ts filterIndex).
-- ARGV[1] username, ARGV[2] user record (store/user-codec.ts), ARGV[3] '1' to move verified email /
-- phone aliases held by others (a preferred_username is unique and never moved), ARGV[4] user key
-- prefix, ARGV[5] the sub entry, ARGV[6] n, ARGV[7] m, ARGV[8] l, ARGV[9 .. 8+n] name entries that
-- must be free, ARGV[9+n .. 8+n+m] verified alias entries, ARGV[9+n+m .. 8+n+2m] each alias's
-- attribute, ARGV[9+n+2m .. 8+n+2m+l] filter index members (the values no claim holds).
-- Returns {'OK', 0}, {'EXISTS', i} (i-th name entry taken) or {'ALIAS_EXISTS', j} (j-th alias taken).
-- Invariant: an index entry names at most one user, and every entry of a user names it. An entry
-- the user key answers (n:<username>, s:<sub> when the sub is the username) is implied, not stored
-- (find-user.lua), so a name is also taken when a user key of that name exists. Every email and
-- phone value of a user is held by exactly one of: its verified alias or name entry, its filter member.
local n, m, l = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local names, aliases, attributes, listings = 9, 9 + n, 9 + n + m, 9 + n + 2 * m
if redis.call('EXISTS', KEYS[1]) == 1 then return {'EXISTS', 0} end
for i = 0, n - 1 do
  local name = string.sub(ARGV[names + i], 3)
  if redis.call('HEXISTS', KEYS[3], ARGV[names + i]) == 1 or (name ~= '' and redis.call('EXISTS', ARGV[4] .. name) == 1) then return {'EXISTS', i + 1} end
end
for j = 0, m - 1 do
  local owner = redis.call('HGET', KEYS[3], ARGV[aliases + j])
  local movable = ARGV[3] == '1' and ARGV[attributes + j] ~= 'preferred_username'
  if owner and owner ~= ARGV[1] and not movable then return {'ALIAS_EXISTS', j + 1} end
end
-- ForceAliasCreation: the previous owner keeps the attribute but it is no longer verified, so its
-- value moves to the filter index. The record's fixed header (store/user-codec.ts): version u32 at
-- byte 1; byte 6 holds the verified flags (email bits 0-1, phone_number bits 2-3; 1 = "false") and,
-- in bits 4-7, how many versions ago the credentials were sealed (they stay as they are: one version more).
local codes = {email = 'e', phone_number = 'p'}
for j = 0, m - 1 do
  local owner = redis.call('HGET', KEYS[3], ARGV[aliases + j])
  local attribute = ARGV[attributes + j]
  local shift = ({email = 0, phone_number = 2})[attribute]
  if owner and owner ~= ARGV[1] and shift then
    local record = redis.call('GET', ARGV[4] .. owner)
    if record then
      local byte = string.byte(record, 7)
      local distance = math.floor(byte / 16)
      if distance == 15 then return redis.error_reply('credential version distance overflow') end
      local flags = byte % 16
      local bits = math.floor(flags / 2 ^ shift) % 4
      flags = flags - bits * 2 ^ shift + 2 ^ shift
      record = string.sub(record, 1, 1) .. struct.pack('>I4', struct.unpack('>I4', record, 2) + 1)
        .. string.sub(record, 6, 6) .. string.char((distance + 1) * 16 + flags) .. string.sub(record, 8)
      redis.call('SET', ARGV[4] .. owner, record)
      local value = string.sub(ARGV[aliases + j], #('a:' .. attribute .. ':') + 1)
      redis.call('ZADD', KEYS[4], 0, codes[attribute] .. ':' .. value .. '\0' .. owner)
    end
  end
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], 0, ARGV[1])
if ARGV[5] ~= 's:' .. ARGV[1] then redis.call('HSET', KEYS[3], ARGV[5], ARGV[1]) end
for i = names, attributes - 1 do
  if ARGV[i] ~= 'n:' .. ARGV[1] then redis.call('HSET', KEYS[3], ARGV[i], ARGV[1]) end
end
for i = listings, listings + l - 1 do redis.call('ZADD', KEYS[4], 0, ARGV[i]) end
return {'OK', 0}
