import type { KeyValueStore } from '@baseline/core';
import { guildAccessVersionKey, USER_ACCESS_VERSION_PREFIX, userAccessVersionKey } from '../access/access-versions.js';
import type { SessionData } from '../auth/session-store.js';
import type { RateLimitRule } from '../rate-limit/rate-limit-options.js';
import { RATE_LIMIT_SCOPES, tightestState, type CountedScope, type RateLimitScope, type RateLimitState } from '../rate-limit/rate-limiter.js';

/** What the gate needs to know about a request. */
export interface GateRequest {
  /** Key-value key of the session named by the cookie, if any. */
  sessionKey: string | undefined;
  ip: string;
  guildId: string | undefined;
  /** Count the request against the rate limits. */
  count: boolean;
}

/** The session (raw, not yet checked for expiry), the rate-limit state and the guild's access version. */
export interface GateResult {
  session: SessionData | undefined;
  limit: RateLimitState | undefined;
  /** The guild's access version (see `renewAccessVersions`), `''` when none was ever set or no guild was named. */
  accessVersion: string;
  /** The session user's access version, `''` when none was ever set or there is no session. */
  userAccessVersion: string;
}

/** Reads the session and counts the rate limits of a request. */
export interface RequestGate {
  admit(request: GateRequest): Promise<GateResult>;
}

// The user scope is named by the user id inside the session, so one script reads the session and counts every
// scope in one round trip. Those keys are computed inside the script: fine on one Redis server, which is what the
// key-value store uses (Redis Cluster would need them declared in KEYS).
// KEYS[1]: session key or ''; KEYS[2]: the guild's access version key or ''. ARGV: prefix, count flag, ip, guild id
// or '', then max/window per scope in RATE_LIMIT_SCOPES order (window 0 = scope off).
// Returns { session or '', guild access version or '', user access version or '', scope index, used, ttl, … }.
const GATE_SCRIPT = `
local raw = ''
if KEYS[1] ~= '' then raw = redis.call('GET', KEYS[1]) or '' end
local version = ''
if KEYS[2] ~= '' then version = redis.call('GET', KEYS[2]) or '' end
local user = nil
local developer = false
if raw ~= '' then
  local ok, session = pcall(cjson.decode, raw)
  if ok and type(session) == 'table' then
    developer = session.developer == true
    if type(session.user) == 'table' and type(session.user.id) == 'string' then user = session.user.id end
  end
end
local userVersion = ''
if user then userVersion = redis.call('GET', ARGV[1] .. '${USER_ACCESS_VERSION_PREFIX}' .. user) or '' end
local out = { raw, version, userVersion }
if ARGV[2] ~= '1' or developer then return out end
local function count(index, key)
  local window = tonumber(ARGV[5 + (index - 1) * 2 + 1])
  if window <= 0 then return end
  local used = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, window)
    ttl = window
  end
  out[#out + 1] = index
  out[#out + 1] = used
  out[#out + 1] = ttl
end
local prefix = ARGV[1]
count(1, prefix .. 'ratelimit:global')
if user then
  count(2, prefix .. 'ratelimit:user:' .. user)
elseif ARGV[3] ~= '' then
  count(3, prefix .. 'ratelimit:ip:' .. ARGV[3])
end
if ARGV[4] ~= '' then count(4, prefix .. 'ratelimit:guild:' .. ARGV[4]) end
return out`;

function parseSession(raw: string | undefined): SessionData | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw) as SessionData;
  } catch {
    return undefined;
  }
}

/**
 * Creates the gate every route passes: on Redis one Lua script reads the session and counts every rate-limit
 * scope (global, user or IP, guild) in a single round trip; on the in-memory store the same steps run one by
 * one. The developer team (`developer` in the session) is never counted.
 */
export function createRequestGate(kv: KeyValueStore, rules: Record<RateLimitScope, RateLimitRule | false>): RequestGate {
  const windows = RATE_LIMIT_SCOPES.flatMap((scope) => {
    const rule = rules[scope];
    return rule ? [rule.max, rule.windowMs] : [0, 0];
  });
  const redis = kv.redis;
  if (redis !== undefined) {
    if (!('baselineApiGate' in redis)) redis.defineCommand('baselineApiGate', { lua: GATE_SCRIPT, numberOfKeys: 2 });
    const gate = (redis as unknown as Record<string, (...args: unknown[]) => Promise<Array<string | number>>>).baselineApiGate!.bind(redis);
    return {
      async admit({ sessionKey, ip, guildId, count }) {
        // Nothing to read or count (health checks): no round trip, so they answer even when Redis is down.
        if (sessionKey === undefined && !count) return { session: undefined, limit: undefined, accessVersion: '', userAccessVersion: '' };
        const reply = await gate(
          sessionKey === undefined ? '' : `${kv.prefix}${sessionKey}`,
          guildId === undefined ? '' : `${kv.prefix}${guildAccessVersionKey(guildId)}`,
          kv.prefix,
          count ? '1' : '0',
          ip,
          guildId ?? '',
          ...windows,
        );
        const counted: CountedScope[] = [];
        for (let index = 3; index + 2 < reply.length; index += 3) {
          counted.push({ scope: RATE_LIMIT_SCOPES[Number(reply[index]) - 1]!, used: Number(reply[index + 1]), ttlMs: Number(reply[index + 2]) });
        }
        return {
          session: parseSession(String(reply[0] ?? '')),
          limit: tightestState(counted, rules),
          accessVersion: String(reply[1] ?? ''),
          userAccessVersion: String(reply[2] ?? ''),
        };
      },
    };
  }
  return {
    async admit({ sessionKey, ip, guildId, count }) {
      const [raw, accessVersion = ''] = await Promise.all([
        sessionKey === undefined ? undefined : kv.get(sessionKey),
        guildId === undefined ? undefined : kv.get(guildAccessVersionKey(guildId)),
      ]);
      const session = parseSession(raw);
      const userAccessVersion = typeof session?.user?.id === 'string' ? ((await kv.get(userAccessVersionKey(session.user.id))) ?? '') : '';
      if (!count || session?.developer === true) return { session, limit: undefined, accessVersion, userAccessVersion };
      const keys: Array<[RateLimitScope, string]> = [['global', 'ratelimit:global']];
      if (session !== undefined) keys.push(['user', `ratelimit:user:${session.user.id}`]);
      else if (ip !== '') keys.push(['anonymous', `ratelimit:ip:${ip}`]);
      if (guildId !== undefined) keys.push(['guild', `ratelimit:guild:${guildId}`]);
      const counted = await Promise.all(
        keys
          .filter(([scope]) => rules[scope] !== false)
          .map(async ([scope, key]): Promise<CountedScope> => {
            const windowMs = (rules[scope] as RateLimitRule).windowMs;
            const [used, ttl] = await Promise.all([kv.incr(key, { ttlMs: windowMs }), kv.ttl(key)]);
            return { scope, used, ttlMs: typeof ttl === 'number' ? ttl : windowMs };
          }),
      );
      return { session, limit: tightestState(counted, rules), accessVersion, userAccessVersion };
    },
  };
}
