import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../emulator-context.js';
import { shardIdForGuild } from '../snowflake.js';
import { guildCreatePayload, userPayload } from '../state/payloads.js';
import type { GatewayConnection } from './gateway-connection.js';
import { GatewaySession } from './gateway-session.js';
import { PRIVILEGED_INTENTS, VALID_INTENTS } from './intents.js';
import type { SessionRegistry } from './session-registry.js';
import type { SessionStartLimiter } from './session-start-limiter.js';

/** `d` of an IDENTIFY (op 2), unchecked. */
export interface IdentifyData {
  token?: unknown;
  intents?: unknown;
  shard?: [number, number];
  compress?: unknown;
  large_threshold?: unknown;
}

/**
 * IDENTIFY (op 2): checks token, shard, intents, the 2,500-guild shard limit and the session start budget,
 * then starts a session and sends READY and one GUILD_CREATE per guild of the shard.
 */
export function handleIdentify(
  ctx: EmulatorContext,
  sessions: SessionRegistry,
  limiter: SessionStartLimiter,
  connection: GatewayConnection,
  d: IdentifyData,
): void {
  if (connection.session) return connection.close(4005, 'Already authenticated');
  if (!d || typeof d !== 'object' || d.token !== ctx.application.botToken) {
    return connection.close(4004, 'Authentication failed');
  }
  const [shardId, shardCount] = Array.isArray(d.shard) ? d.shard : [0, 1];
  if (!Number.isInteger(shardId) || !Number.isInteger(shardCount) || shardCount < 1 || shardId < 0 || shardId >= shardCount) {
    return connection.close(4010, 'Invalid shard');
  }
  const intents = typeof d.intents === 'number' ? d.intents : -1;
  if (intents < 0 || (intents & ~VALID_INTENTS) !== 0) return connection.close(4013, 'Invalid intent(s)');
  for (const [name, bit] of Object.entries(PRIVILEGED_INTENTS)) {
    if ((intents & bit) !== 0 && !ctx.options.privilegedIntents.has(name as keyof typeof PRIVILEGED_INTENTS)) {
      return connection.close(4014, 'Disallowed intent(s)');
    }
  }
  const guildIds = guildsOfShard(ctx, shardId, shardCount);
  if (guildIds.length > 2500) return connection.close(4011, 'Sharding required');
  const start = limiter.take(shardId);
  if (start === 'exhausted') return connection.close(4004, 'Session start limit exhausted: the token was reset');
  if (start === 'throttled') {
    connection.send('{"op":9,"d":false,"s":null,"t":null}');
    return;
  }
  const gateway = ctx.options.gateway;
  connection.identifyCompress = d.compress === true;
  const largeThreshold = typeof d.large_threshold === 'number' ? d.large_threshold : 50;
  const session = new GatewaySession(randomBytes(16).toString('hex'), shardId, shardCount, intents, largeThreshold, Date.now(), gateway.replayBufferSize);
  sessions.add(session);
  sessions.attach(session, connection);
  const { state, application } = ctx;
  const bot = state.users.get(application.id);
  const ready = {
    v: 10,
    user: bot ? { ...userPayload(bot), verified: true } : { id: application.id },
    guilds: guildIds.map((id) => ({ id, unavailable: true })),
    session_id: session.id,
    session_type: 'normal',
    resume_gateway_url: ctx.gatewayUrl,
    shard: [shardId, shardCount],
    application: { id: application.id, flags: application.flags },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    auth: {},
    user_settings: {},
    _trace: ['["baseline-emulator",{"micros":0}]'],
  };
  session.dispatch('READY', JSON.stringify(ready));
  const view = { intents, largeThreshold, memberMode: gateway.guildCreateMembers };
  for (const guildId of guildIds) {
    const guild = state.guilds.get(guildId);
    if (guild) session.dispatch('GUILD_CREATE', JSON.stringify(guildCreatePayload(state, guild, view)));
  }
}

function guildsOfShard(ctx: EmulatorContext, shardId: number, shardCount: number): string[] {
  const ids: string[] = [];
  for (const guildId of ctx.state.botGuildIds) if (shardIdForGuild(guildId, shardCount) === shardId) ids.push(guildId);
  return ids;
}
