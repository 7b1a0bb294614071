-- Revokes every sign-in event of a user (GlobalSignOut, AdminUserGlobalSignOut, AdminDisableUser):
-- their access tokens stop being accepted and their refresh tokens stop working.
-- KEYS[1] the user's auth-event set. ARGV[1] auth-event key prefix.
local origins = redis.call('ZRANGE', KEYS[1], 0, -1)
for _, origin in ipairs(origins) do
  redis.call('DEL', ARGV[1] .. origin)
end
redis.call('DEL', KEYS[1])
return #origins
