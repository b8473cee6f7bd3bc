import { markGuildInactive } from '@baseline/core';
import {
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  IntentsBitField,
  type Client,
  type Guild,
  type GatewayGuildMemberRemoveDispatchData,
} from 'discord.js';
import { announceAccessChange } from './announce-access-change.js';
import { recordGuildJoin, type GuildTrackingServices } from './record-guild-join.js';
import { recordMemberLeave } from './record-member-leave.js';
import { reconcileGuilds } from './reconcile-guilds.js';

/** Options of {@link installGuildTracking}. */
export interface GuildTrackingOptions {
  /**
   * Reconcile the table with the guilds Discord reports when the client becomes ready (and when a shard gets a
   * new session afterwards).
   * @default true
   */
  reconcile?: boolean;
}

/** Handle of the installed tracking. */
export interface GuildTracking {
  /** Resolves once every event received so far has been written. */
  settled(): Promise<void>;
  /** Removes the listeners and waits for in-flight writes. */
  close(): Promise<void>;
}

/**
 * Keeps the `guilds` table in step with the guilds the bot is in: a join is recorded with its initial
 * authorized user, a leave marks the guild inactive (never an outage: `guildDelete` of an unavailable guild is
 * ignored), a rejoin reactivates it (a different adder becomes the initial user), and at ready the table is
 * reconciled for this process's shards. With the GuildMembers intent, a member leaving a guild loses their
 * dashboard grant (the owner becomes the initial user if it was theirs); without it, that is logged once.
 * Every change of a guild's state or grants bumps its access versions (core's `bumpAccessVersions`), so every
 * API instance sees it with its next request. Work for one guild runs in order; a failure is logged and never
 * reaches the client.
 *
 * @param client - a discord.js (or Sapphire) client, before or after login
 * @param services - `db`, `kv` and `logger` of the services container
 * @param options - see {@link GuildTrackingOptions}
 * @example
 * ```ts
 * const tracking = installGuildTracking(client, services);
 * await client.login(token);
 * // …
 * await tracking.close();
 * ```
 */
export function installGuildTracking(client: Client, services: GuildTrackingServices, options: GuildTrackingOptions = {}): GuildTracking {
  const logger = services.logger.child({ component: 'guild-tracking' });
  const scoped = { ...services, logger };
  const queues = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let ready = false;

  const run = (key: string, what: string, task: () => Promise<unknown>) => {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(task).then(
      () => undefined,
      (error: unknown) => logger.error({ err: error, guild_id: key === '*' ? undefined : key }, `guild tracking: ${what} failed`),
    );
    queues.set(key, next);
    inFlight.add(next);
    void next.finally(() => {
      inFlight.delete(next);
      if (queues.get(key) === next) queues.delete(key);
    });
  };

  // A guild's client is typed as logged in (guild events come after login), so the bot's id needs no assertion.
  const onJoin = (guild: Guild, added = true) => run(guild.id, 'join', () => recordGuildJoin(scoped, guild, guild.client.user.id, { added }));
  const onAdded = (guild: Guild) => onJoin(guild, true);
  const onAvailable = (guild: Guild) => {
    if (ready) onJoin(guild, false);
  };
  // Read from the raw dispatch: discord.js emits `guildMemberRemove` only for cached members (or with the
  // GuildMember partial), and baseline does not cache members.
  const onRaw = (...args: unknown[]) => {
    const packet = args[0] as { t?: string; d?: unknown };
    if (packet.t !== GatewayDispatchEvents.GuildMemberRemove) return;
    const { guild_id: guildId, user } = packet.d as GatewayGuildMemberRemoveDispatchData;
    if (user.id === client.user?.id) return;
    run(guildId, 'member leave', () => recordMemberLeave(scoped, { guildId, userId: user.id, ownerId: client.guilds.cache.get(guildId)?.ownerId }));
  };
  if (!new IntentsBitField(client.options.intents).has(GatewayIntentBits.GuildMembers)) {
    logger.info('the GuildMembers intent is off: dashboard grants are not revoked when members leave a guild');
  }
  const onLeave = (guild: Guild) => {
    if (!guild.available) return;
    run(guild.id, 'leave', async () => {
      if (!(await markGuildInactive(services.db, guild.id))) return;
      logger.info({ guild_id: guild.id }, 'guild left');
      await announceAccessChange(scoped, guild.id);
    });
  };
  const reconcile = (shardIds: readonly number[]) =>
    run('*', 'reconcile', async () => {
      const shardCount = client.options.shardCount ?? 1;
      const reported = client.guilds.cache.filter((guild) => shardIds.includes(guild.shardId));
      const plan = await reconcileGuilds(services.db, { reportedGuildIds: reported.keys(), shardIds, shardCount });
      for (const guildId of plan.leave) await announceAccessChange(scoped, guildId);
      for (const guildId of plan.join) {
        const guild = reported.get(guildId);
        if (guild?.available) onJoin(guild, false);
      }
      logger.info({ shard_ids: shardIds, reported: reported.size, marked_left: plan.leave, recorded: plan.join.length }, 'guilds reconciled');
    });
  const onReady = () => {
    ready = true;
    if (options.reconcile !== false) reconcile(ownShards(client));
  };
  const onShardReady = (shardId: number) => {
    if (ready && options.reconcile !== false) reconcile([shardId]);
  };

  client.on(Events.GuildCreate, onAdded);
  client.on(Events.GuildAvailable, onAvailable);
  client.on(Events.Raw, onRaw);
  client.on(Events.GuildDelete, onLeave);
  client.on(Events.ShardReady, onShardReady);
  if (client.isReady()) onReady();
  else client.once(Events.ClientReady, onReady);

  const settled = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight);
  };
  return {
    settled,
    async close() {
      client.off(Events.GuildCreate, onAdded);
      client.off(Events.GuildAvailable, onAvailable);
      client.off(Events.Raw, onRaw);
      client.off(Events.GuildDelete, onLeave);
      client.off(Events.ShardReady, onShardReady);
      client.off(Events.ClientReady, onReady);
      await settled();
    },
  };
}

/** The shard ids this client runs, once connected. */
function ownShards(client: Client): number[] {
  const { shards } = client.options;
  return Array.isArray(shards) ? [...shards] : [...client.ws.shards.keys()];
}
