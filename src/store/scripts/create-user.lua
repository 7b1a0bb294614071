-- Creates a user and claims its index keys atomically.
-- KEYS[1] user, KEYS[2] users sorted set, KEYS[3] sub index,
-- KEYS[4 .. 3+n] name keys that must be free, KEYS[4+n ..] verified alias keys.
-- ARGV[1] username, ARGV[2] user record (store/user-codec.ts), ARGV[3] n, ARGV[4] '1' to move verified email / phone
-- aliases held by others (a preferred_username is unique and never moved),
-- ARGV[5] user key prefix, ARGV[6 ..] the attribute name of each alias key.
-- Returns {'OK', 0}, {'EXISTS', i} (i-th name key taken) or {'ALIAS_EXISTS', j} (j-th alias key taken).
local n = tonumber(ARGV[3])
if redis.call('EXISTS', KEYS[1]) == 1 then return {'EXISTS', 0} end
for i = 4, 3 + n do
  if redis.call('EXISTS', KEYS[i]) == 1 then return {'EXISTS', i - 3} end
end
for i = 4 + n, #KEYS do
  local owner = redis.call('GET', KEYS[i])
  local movable = ARGV[4] == '1' and ARGV[6 + i - 4 - n] ~= 'preferred_username'
  if owner and owner ~= ARGV[1] and not movable then return {'ALIAS_EXISTS', i - 3 - n} end
end
-- ForceAliasCreation: the previous owner keeps the attribute but it is no longer verified. The
-- record's fixed header (store/user-codec.ts): version u32 at byte 1, the credentials' version
-- distance at byte 5 (the sealed credentials stay as they are: one more version since sealing),
-- the verified flags at byte 7 (email bits 0-1, phone_number bits 2-3; 1 = "false").
for i = 4 + n, #KEYS do
  local owner = redis.call('GET', KEYS[i])
  local shift = ({email = 0, phone_number = 2})[ARGV[6 + i - 4 - n]]
  if owner and owner ~= ARGV[1] and shift then
    local record = redis.call('GET', ARGV[5] .. owner)
    if record then
      local distance = string.byte(record, 6)
      if distance == 255 then return redis.error_reply('credential version distance overflow') end
      local verified = string.byte(record, 8)
      local bits = math.floor(verified / 2 ^ shift) % 4
      verified = verified - bits * 2 ^ shift + 2 ^ shift
      record = string.sub(record, 1, 1) .. struct.pack('>I4', struct.unpack('>I4', record, 2) + 1)
        .. string.char(distance + 1) .. string.sub(record, 7, 7) .. string.char(verified) .. string.sub(record, 9)
      redis.call('SET', ARGV[5] .. owner, record)
    end
  end
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('SET', KEYS[3], ARGV[1])
for i = 4, #KEYS do redis.call('SET', KEYS[i], ARGV[1]) end
return {'OK', 0}
