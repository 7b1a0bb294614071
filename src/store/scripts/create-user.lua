-- Creates users in order, each claiming its index entries; one call stores one user or a batch
-- (ImportUsers), each user answered as if it were stored alone, after the ones before it.
-- KEYS[1] users sorted set, KEYS[2] the pool's index hash, KEYS[3] the pool's filter index (sorted
-- set, store/keys.ts filterIndex), KEYS[3+u] the u-th user's key.
-- ARGV[1] '1' to move verified email / phone aliases held by others (a preferred_username is unique
-- and never moved), ARGV[2] user key prefix, then per user: username, user record
-- (store/user-codec.ts), the sub entry ('' when the sub is the username), n, m, l, n name entries
-- that must be free, m verified alias entries, each alias's attribute (m), l filter index members
-- (the values no claim holds).
-- Returns per user {'OK', 0}, {'EXISTS', i} (i-th name entry taken) or {'ALIAS_EXISTS', j} (j-th alias taken).
-- Invariant: an index entry names at most one user, and every entry of a user names it. An entry
-- the user key answers (n:<username>, s:<sub> when the sub is the username) is implied, not stored
-- (find-user.lua), so a name is also taken when a user key of that name exists. Every email and
-- phone value of a user is held by exactly one of: its verified alias or name entry, its filter member.
local force, prefix = ARGV[1] == '1', ARGV[2]
local codes = {email = 'e', phone_number = 'p'}
local flagShift = {email = 0, phone_number = 2}

-- ForceAliasCreation: the previous owner keeps the attribute but it is no longer verified, so its
-- value moves to the filter index. The record's fixed header (store/user-codec.ts): version u32 at
-- byte 1; byte 6 holds the verified flags (email bits 0-1, phone_number bits 2-3; 1 = "false") and,
-- in bits 4-7, how many versions ago the credentials were sealed (they stay as they are: one version more).
local function unverify(owner, attribute, entry)
  local record = redis.call('GET', prefix .. owner)
  if not record then return end
  local shift = flagShift[attribute]
  local byte = string.byte(record, 7)
  local distance = math.floor(byte / 16)
  if distance == 15 then error('credential version distance overflow') end
  local flags = byte % 16
  local bits = math.floor(flags / 2 ^ shift) % 4
  flags = flags - bits * 2 ^ shift + 2 ^ shift
  record = string.sub(record, 1, 1) .. struct.pack('>I4', struct.unpack('>I4', record, 2) + 1)
    .. string.sub(record, 6, 6) .. string.char((distance + 1) * 16 + flags) .. string.sub(record, 8)
  redis.call('SET', prefix .. owner, record)
  local value = string.sub(entry, #('a:' .. attribute .. ':') + 1)
  redis.call('ZADD', KEYS[3], 0, codes[attribute] .. ':' .. value .. '\0' .. owner)
end

local function create(key, at)
  local username, record, sub = ARGV[at], ARGV[at + 1], ARGV[at + 2]
  local n, m, l = tonumber(ARGV[at + 3]), tonumber(ARGV[at + 4]), tonumber(ARGV[at + 5])
  local names, aliases = at + 6, at + 6 + n
  local attributes, listings = aliases + m, aliases + 2 * m
  if redis.call('EXISTS', key) == 1 then return {'EXISTS', 0} end
  for i = 0, n - 1 do
    local name = string.sub(ARGV[names + i], 3)
    if redis.call('HEXISTS', KEYS[2], ARGV[names + i]) == 1 or (name ~= '' and redis.call('EXISTS', prefix .. name) == 1) then return {'EXISTS', i + 1} end
  end
  for j = 0, m - 1 do
    local owner = redis.call('HGET', KEYS[2], ARGV[aliases + j])
    local movable = force and ARGV[attributes + j] ~= 'preferred_username'
    if owner and owner ~= username and not movable then return {'ALIAS_EXISTS', j + 1} end
  end
  for j = 0, m - 1 do
    local owner = redis.call('HGET', KEYS[2], ARGV[aliases + j])
    if owner and owner ~= username and flagShift[ARGV[attributes + j]] then unverify(owner, ARGV[attributes + j], ARGV[aliases + j]) end
  end
  redis.call('SET', key, record)
  redis.call('ZADD', KEYS[1], 0, username)
  if sub ~= '' then redis.call('HSET', KEYS[2], sub, username) end
  for i = names, attributes - 1 do
    if ARGV[i] ~= 'n:' .. username then redis.call('HSET', KEYS[2], ARGV[i], username) end
  end
  for i = listings, listings + l - 1 do redis.call('ZADD', KEYS[3], 0, ARGV[i]) end
  return {'OK', 0}
end

local results, at = {}, 3
for u = 4, #KEYS do
  results[#results + 1] = create(KEYS[u], at)
  at = at + 6 + tonumber(ARGV[at + 3]) + 2 * tonumber(ARGV[at + 4]) + tonumber(ARGV[at + 5])
end
return results
