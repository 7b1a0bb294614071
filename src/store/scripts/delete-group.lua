-- Deletes a group and every membership in it, so its users' next tokens no longer carry it and a
-- group created later under the same name starts empty.
-- KEYS[1] the group record, KEYS[2] the group's member set, KEYS[3] the pool's group index.
-- ARGV[1] the prefix of users' group sets (+ sub), ARGV[2] the group name.
-- Result: 1 when the group existed, 0 otherwise.
-- Invariant: as add-to-group.lua; every key is in the pool's hash slot.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local subs = redis.call('ZRANGE', KEYS[2], 0, -1)
for _, sub in ipairs(subs) do
  redis.call('ZREM', ARGV[1] .. sub, ARGV[2])
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[2])
return 1
