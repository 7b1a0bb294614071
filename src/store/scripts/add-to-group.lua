-- Puts a user in a group, only while the group exists: a membership never outlives its group
-- (DeleteGroup removes them in delete-group.lua, atomically with the group).
-- KEYS[1] the group record, KEYS[2] the group's member set (subs), KEYS[3] the user's group set.
-- ARGV[1] the user's sub, ARGV[2] the group name, ARGV[3] the most groups a user may be in.
-- Result: "ok" (also when already a member), "no-group", or "limit".
-- Invariant: sub ∈ members(group) ⇔ group ∈ groups(sub), for existing groups.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'no-group' end
if redis.call('ZSCORE', KEYS[3], ARGV[2]) then return 'ok' end
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[3]) then return 'limit' end
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('ZADD', KEYS[3], 0, ARGV[2])
return 'ok'
