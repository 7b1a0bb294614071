-- Lists a user in the pool's filter index if its record is still the version the members were
-- derived from (`make reindex`, for pools created before the filter index).
-- KEYS[1] user, KEYS[2] the pool's filter index (sorted set, store/keys.ts filterIndex).
-- ARGV[1] the version read (store/user-codec.ts: the u32 at byte 1), ARGV[2 ..] its filter members.
-- Returns 1 when listed, 0 when the user changed or went since it was read.
-- Invariant: only members derived from the stored version are added; a write since then derived and
-- listed the user's members itself (update-user.lua), so there is nothing to redo.
local current = redis.call('GET', KEYS[1])
if not current or struct.unpack('>I4', current, 2) ~= tonumber(ARGV[1]) then return 0 end
for i = 2, #ARGV do redis.call('ZADD', KEYS[2], 0, ARGV[i]) end
return 1
