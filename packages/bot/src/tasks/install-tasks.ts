import type { BaselineServices, Logger } from '@baseline/core';
import { Events, type Client, type Guild } from 'discord.js';
import type { CogManager } from '../cogs/cog-manager.js';
import { createBullmqBackend } from './bullmq-backend.js';
import { createInProcessBackend } from './in-process-backend.js';
import { TaskRuntime } from './task-runtime.js';

/**
 * The bot's task runtime: BullMQ when the key-value store is Redis, else timers in this process (with a warning,
 * since every process then runs every task). Created before cogs load so they can schedule jobs; started once the
 * client is ready.
 */
export function createTaskRuntime(services: BaselineServices): TaskRuntime {
  const logger = services.logger.child({ component: 'tasks' });
  const { kv } = services;
  if (kv.redis === undefined) {
    logger.warn(
      'no Redis: scheduled tasks run in this process only; each process runs every task and one-off jobs are lost on restart (set REDIS_URL for once per deployment)',
    );
    return new TaskRuntime({ backend: createInProcessBackend(), kv, logger });
  }
  return new TaskRuntime({ backend: createBullmqBackend({ kv, redis: kv.redis, logger }), kv, logger });
}

/**
 * Starts the runtime with the loaded cogs and the guilds this process serves, then follows cogs (unloaded at
 * runtime: their schedules stop) and guilds (left: their schedules and jobs stop; joined: per-guild schedules
 * start). Returns what stops it; stopping keeps every schedule and job stored.
 */
export async function startTasks(
  runtime: TaskRuntime,
  { client, cogs, logger }: { client: Client<true>; cogs: CogManager; logger: Logger },
): Promise<{ close(): Promise<void> }> {
  let stopping = false;
  const report = (what: string) => (error: unknown) => logger.error({ err: error }, `tasks: ${what} failed`);
  const offCogs = cogs.onChange(async (change) => {
    if (stopping) return;
    if (change.type === 'loaded') await runtime.addCog(change.cog);
    else await runtime.removeCog(change.cog.name);
  });
  const joined = (guild: Guild) => void runtime.addGuild(guild.id).catch(report('starting a joined guild’s schedules'));
  // An outage also emits guildDelete, with the guild unavailable: its schedules stay.
  const left = (guild: Guild) => guild.available && void runtime.removeGuild(guild.id).catch(report('stopping a left guild’s schedules'));
  client.on(Events.GuildCreate, joined);
  client.on(Events.GuildDelete, left);
  await runtime.start(cogs.list(), () => [...client.guilds.cache.keys()]);
  return {
    async close() {
      stopping = true;
      offCogs();
      client.off(Events.GuildCreate, joined);
      client.off(Events.GuildDelete, left);
      await runtime.close();
    },
  };
}
