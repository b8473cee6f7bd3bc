// Lua scripts for the operations that must be atomic on Redis. Each runs on one key.

/** INCRBY, then PEXPIRE only when the key has no expiry yet (a fixed window). ARGV: by, ttlMs (0 = none). */
export const INCR_WITH_EXPIRY = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = tonumber(ARGV[2])
if ttl > 0 and redis.call('PTTL', KEYS[1]) == -1 then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return value`;

/** DEL only while the key still holds ARGV[1]: token-checked lock release. */
export const DEL_IF_EQUALS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;
