import { guildAccessVersionKey, USER_ACCESS_VERSION_PREFIX, userAccessVersionKey, type KeyValueStore } from '@baseline/core';
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
  /**
   * The user this process believes is an authorized user of `guildId` behind this session (a hint from its
   * caches). The gate counts the guild scope in its round trip only when the session really is that user; the
   * caller must give the count back ({@link RequestGate.uncountGuild}) if the access check then refuses.
   */
  guildUserHint?: string | undefined;
}

/** The session (raw, not yet checked for expiry), the rate-limit state and the guild's access version. */
export interface GateResult {
  session: SessionData | undefined;
  /** Every scope counted, for {@link RequestGate.countGuild}. */
  counted: CountedScope[];
  limit: RateLimitState | undefined;
  /** The guild scope was counted already (see {@link GateRequest.guildUserHint}). */
  guildCounted: boolean;
  /** The guild's access version (see core's `bumpAccessVersions`), `''` when none was ever set or no guild was named. */
  accessVersion: string;
  /** The session user's access version, `''` when none was ever set or there is no session. */
  userAccessVersion: string;
}

/**
 * Reads the session and counts the rate limits of a request. The caller's own scope (user, or IP without a
 * session) is counted first and global next; a request over either is counted nowhere else. The guild scope is
 * counted only for callers who passed the guild's access check, so strangers cannot spend a guild's budget.
 */
export interface RequestGate {
  admit(request: GateRequest): Promise<GateResult>;
  /** Counts the guild scope for a caller who passed the access check; returns the state over every scope. */
  countGuild(guildId: string, counted: readonly CountedScope[]): Promise<RateLimitState | undefined>;
  /** Gives back a guild count taken by {@link RequestGate.admit} for a request that was then refused. */
  uncountGuild(guildId: string): Promise<void>;
}

const guildCounterKey = (guildId: string) => `ratelimit:guild:${guildId}`;

// The user scope is named by the user id inside the session, so one script reads the session and counts every
// scope in one round trip. Those keys are computed inside the script: fine on one Redis server, which is what the
// key-value store uses (Redis Cluster would need them declared in KEYS).
// KEYS[1]: session key or ''; KEYS[2]: the guild's access version key or ''. ARGV: prefix, count flag, ip, guild id
// or '', the user whose requests count against the guild here or '', then max/window per scope in
// RATE_LIMIT_SCOPES order (window 0 = scope off).
// Returns { session or '', guild access version or '', user access version or '', guild counted '1' or '0',
// then scope index, used, ttl for each scope counted }.
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
local out = { raw, version, userVersion, '0' }
if ARGV[2] ~= '1' or developer then return out end
-- Counts one scope; returns whether the request is still within it.
local function count(index, key)
  local max = tonumber(ARGV[6 + (index - 1) * 2])
  local window = tonumber(ARGV[6 + (index - 1) * 2 + 1])
  if window <= 0 then return true end
  local used = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, window)
    ttl = window
  end
  out[#out + 1] = index
  out[#out + 1] = used
  out[#out + 1] = ttl
  return used <= max
end
local prefix = ARGV[1]
local within = true
if user then
  within = count(2, prefix .. 'ratelimit:user:' .. user)
elseif ARGV[3] ~= '' then
  within = count(3, prefix .. 'ratelimit:ip:' .. ARGV[3])
end
if not within then return out end
if not count(1, prefix .. 'ratelimit:global') then return out end
if ARGV[4] ~= '' and user and user == ARGV[5] and tonumber(ARGV[13]) > 0 then
  out[4] = '1'
  count(4, prefix .. '${guildCounterKey('')}' .. ARGV[4])
end
return out`;

/** Decrements a counter that still exists (a counter that expired meanwhile stays gone). */
const UNCOUNT_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end
return 0`;

function parseSession(raw: string | undefined): SessionData | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw) as SessionData;
  } catch {
    return undefined;
  }
}

/**
 * Creates the gate every route passes: on Redis one Lua script reads the session and counts the rate-limit scopes
 * (the caller's own, then global, then the guild's when the caller is believed authorized there) in a single round
 * trip; on the in-memory store the same steps run one by one. The developer team (`developer` in the session) is
 * never counted.
 */
export function createRequestGate(kv: KeyValueStore, rules: Record<RateLimitScope, RateLimitRule | false>): RequestGate {
  const windows = RATE_LIMIT_SCOPES.flatMap((scope) => {
    const rule = rules[scope];
    return rule ? [rule.max, rule.windowMs] : [0, 0];
  });
  const guildRule = rules.guild;

  async function countGuild(guildId: string, counted: readonly CountedScope[]): Promise<RateLimitState | undefined> {
    if (guildRule === false) return tightestState(counted, rules);
    const key = guildCounterKey(guildId);
    const used = await kv.incr(key, { ttlMs: guildRule.windowMs });
    const ttl = await kv.ttl(key);
    return tightestState([...counted, { scope: 'guild', used, ttlMs: typeof ttl === 'number' ? ttl : guildRule.windowMs }], rules);
  }

  const redis = kv.redis;
  if (redis !== undefined) {
    if (!('baselineApiGate' in redis)) redis.defineCommand('baselineApiGate', { lua: GATE_SCRIPT, numberOfKeys: 2 });
    if (!('baselineApiUncount' in redis)) redis.defineCommand('baselineApiUncount', { lua: UNCOUNT_SCRIPT, numberOfKeys: 1 });
    const commands = redis as unknown as Record<string, (...args: unknown[]) => Promise<Array<string | number>>>;
    const gate = commands.baselineApiGate!.bind(redis);
    const uncount = commands.baselineApiUncount!.bind(redis);
    return {
      countGuild,
      async uncountGuild(guildId) {
        await uncount(`${kv.prefix}${guildCounterKey(guildId)}`);
      },
      async admit({ sessionKey, ip, guildId, count, guildUserHint }) {
        // Nothing to read or count (health checks): no round trip, so they answer even when Redis is down.
        if (sessionKey === undefined && !count)
          return { session: undefined, counted: [], limit: undefined, guildCounted: false, accessVersion: '', userAccessVersion: '' };
        const reply = await gate(
          sessionKey === undefined ? '' : `${kv.prefix}${sessionKey}`,
          guildId === undefined ? '' : `${kv.prefix}${guildAccessVersionKey(guildId)}`,
          kv.prefix,
          count ? '1' : '0',
          ip,
          guildId ?? '',
          guildUserHint ?? '',
          ...windows,
        );
        const counted: CountedScope[] = [];
        for (let index = 4; index + 2 < reply.length; index += 3) {
          counted.push({ scope: RATE_LIMIT_SCOPES[Number(reply[index]) - 1]!, used: Number(reply[index + 1]), ttlMs: Number(reply[index + 2]) });
        }
        return {
          session: parseSession(String(reply[0] ?? '')),
          counted,
          limit: tightestState(counted, rules),
          guildCounted: reply[3] === '1',
          accessVersion: String(reply[1] ?? ''),
          userAccessVersion: String(reply[2] ?? ''),
        };
      },
    };
  }
  return {
    countGuild,
    // The in-memory gate never counts the guild ahead of the access check.
    async uncountGuild() {},
    async admit({ sessionKey, ip, guildId, count }) {
      const [raw, accessVersion = ''] = await Promise.all([
        sessionKey === undefined ? undefined : kv.get(sessionKey),
        guildId === undefined ? undefined : kv.get(guildAccessVersionKey(guildId)),
      ]);
      const session = parseSession(raw);
      const userAccessVersion = typeof session?.user?.id === 'string' ? ((await kv.get(userAccessVersionKey(session.user.id))) ?? '') : '';
      const counted: CountedScope[] = [];
      const result = () => ({ session, counted, limit: tightestState(counted, rules), guildCounted: false, accessVersion, userAccessVersion });
      if (!count || session?.developer === true) return result();
      const own: Array<[RateLimitScope, string]> = [];
      if (session !== undefined) own.push(['user', `ratelimit:user:${session.user.id}`]);
      else if (ip !== '') own.push(['anonymous', `ratelimit:ip:${ip}`]);
      // The caller's own scope first: a request over it is counted nowhere else.
      for (const [scope, key] of [...own, ['global', 'ratelimit:global'] as [RateLimitScope, string]]) {
        const rule = rules[scope];
        if (rule === false) continue;
        const used = await kv.incr(key, { ttlMs: rule.windowMs });
        const ttl = await kv.ttl(key);
        counted.push({ scope, used, ttlMs: typeof ttl === 'number' ? ttl : rule.windowMs });
        if (used > rule.max) break;
      }
      return result();
    },
  };
}
