import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Database } from '../database/create-database.js';
import { listGuildToggles, writeGuildToggle, type GuildToggleRow } from '../database/repositories/guild-toggle-repository.js';
import type { KeyValueStore, Unsubscribe } from '../kv/key-value-store.js';
import type { ToggleDefaults } from './toggle-defaults.js';
import { TOGGLE_ERROR_CODES, ToggleError } from './toggle-errors.js';

/** The pub/sub channel (under the key-value prefix) on which every toggle change is announced. */
export const TOGGLES_CHANGED_CHANNEL = 'toggles:changed';
/** The hash listing each plugin's command names, written by the bot as it loads cogs. */
const COMMANDS_KEY = 'toggles:commands';

/** A change of one toggle; `enabled: null` returns it to the plugin's default. */
export interface ToggleChange {
  guildId: string;
  pluginId: string;
  /** A command of the plugin, or left out for the whole plugin. */
  command?: string | undefined;
  enabled: boolean | null;
  actorUserId?: string | undefined;
}

/** The effective state of one toggle in a guild. */
export interface ToggleState {
  enabled: boolean;
  /** What the plugin declares. */
  default: boolean;
  /** Whether the guild overrides the default. */
  overridden: boolean;
}

/** A plugin's toggles in a guild: its own and its commands'. */
export interface PluginToggles extends ToggleState {
  pluginId: string;
  commands: Record<string, ToggleState>;
}

/** What every process hears after a toggle change. */
export interface ToggleChangeMessage {
  guildId: string;
  pluginId: string;
  command: string | null;
  enabled: boolean | null;
  actorUserId?: string | undefined;
  origin: string;
}

const messageSchema = z.object({
  guildId: z.string(),
  pluginId: z.string(),
  command: z.string().nullable(),
  enabled: z.boolean().nullable(),
  actorUserId: z.string().optional(),
  origin: z.string(),
});

/** Per-guild enable/disable switches of plugins and commands, cached per process and invalidated everywhere on change. */
export interface ToggleRegistry {
  /** Whether a plugin, and when given one of its commands, is enabled in a guild. A disabled plugin disables all its commands. */
  isEnabled(guildId: string, pluginId: string, command?: string): Promise<boolean>;
  /** Every loaded plugin's toggles in a guild, with the commands the bot reported. */
  guild(guildId: string): Promise<PluginToggles[]>;
  /**
   * Stores one change with its `toggles.update` audit entry and announces it to every process.
   * @throws ToggleError `BL_ERR_TOGGLES_UNKNOWN_PLUGIN` / `BL_ERR_TOGGLES_UNKNOWN_COMMAND`; nothing is stored then.
   */
  set(change: ToggleChange): Promise<void>;
  /** Records a plugin's command names (the bot calls this as it loads cogs), so the API can list and check them. */
  reportCommands(pluginId: string, commands: readonly string[]): Promise<void>;
  /** Called after each change, local or announced by another process, once the cache dropped the guild. */
  onChange(listener: (change: ToggleChangeMessage) => void): () => void;
  close(): Promise<void>;
}

/** Options of {@link createToggleRegistry}. */
export interface CreateToggleRegistryOptions {
  db: Database;
  kv: KeyValueStore;
  logger: Logger;
  /** Each loaded plugin's declared defaults, by plugin id; plugins absent here cannot be toggled. */
  defaults: ReadonlyMap<string, ToggleDefaults>;
  /**
   * How long a guild's overrides stay cached without an announcement: the safety net, not the invalidation.
   * @default 300_000
   */
  cacheTtlMs?: number;
  /** How many guilds' overrides are cached at most; the least recently read are dropped first. @default 10_000 */
  cacheMaxEntries?: number;
}

/** Creates the toggle registry and subscribes it to change announcements. */
export async function createToggleRegistry({
  db,
  kv,
  logger: parent,
  defaults,
  cacheTtlMs = 300_000,
  cacheMaxEntries = 10_000,
}: CreateToggleRegistryOptions): Promise<ToggleRegistry> {
  const logger = parent.child({ component: 'toggles' });
  const origin = randomUUID();
  // lru-cache reads a ttl of 0 as "never expires"; here 0 means "do not cache", as for settings.
  const cache = cacheTtlMs > 0 ? new LRUCache<string, Map<string, boolean>>({ max: cacheMaxEntries, ttl: cacheTtlMs }) : undefined;
  const listeners = new Set<(change: ToggleChangeMessage) => void>();
  // A read that started before an invalidation must not cache its stale rows.
  let generation = 0;

  const key = (pluginId: string, command: string | null | undefined) => `${pluginId}/${command ?? ''}`;
  const overrides = async (guildId: string): Promise<Map<string, boolean>> => {
    const cached = cache?.get(guildId);
    if (cached !== undefined) return cached;
    const started = generation;
    const rows = new Map((await listGuildToggles(db, guildId)).map((row: GuildToggleRow) => [key(row.pluginId, row.command), row.enabled]));
    if (started === generation) cache?.set(guildId, rows);
    return rows;
  };
  const invalidate = (change: ToggleChangeMessage) => {
    generation += 1;
    cache?.delete(change.guildId);
    for (const listener of listeners) listener(change);
  };
  const state = (override: boolean | undefined, declared: boolean): ToggleState => ({
    enabled: override ?? declared,
    default: declared,
    overridden: override !== undefined,
  });

  const unsubscribe: Unsubscribe = await kv.subscribe(TOGGLES_CHANGED_CHANNEL, (raw) => {
    const parsed = messageSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.origin === origin) return;
    logger.debug({ guild_id: parsed.data.guildId, plugin: parsed.data.pluginId, command: parsed.data.command }, 'toggle changed elsewhere');
    invalidate(parsed.data);
  });

  const knownCommands = async (pluginId: string): Promise<string[] | undefined> => {
    const raw = await kv.hget(COMMANDS_KEY, pluginId);
    return raw === undefined ? undefined : (JSON.parse(raw) as string[]);
  };

  return {
    async isEnabled(guildId, pluginId, command) {
      const declared = defaults.get(pluginId);
      const rows = await overrides(guildId);
      if (!(rows.get(key(pluginId, null)) ?? declared?.enabled ?? true)) return false;
      if (command === undefined) return true;
      return rows.get(key(pluginId, command)) ?? declared?.commands?.[command] ?? true;
    },
    async guild(guildId) {
      const rows = await overrides(guildId);
      const result: PluginToggles[] = [];
      for (const [pluginId, declared] of defaults) {
        const names = new Set([...((await knownCommands(pluginId)) ?? []), ...Object.keys(declared.commands ?? {})]);
        const commands = Object.fromEntries([...names].sort().map((name) => [name, state(rows.get(key(pluginId, name)), declared.commands?.[name] ?? true)]));
        result.push({ pluginId, ...state(rows.get(key(pluginId, null)), declared.enabled ?? true), commands });
      }
      return result;
    },
    async set(change) {
      const declared = defaults.get(change.pluginId);
      if (declared === undefined) {
        throw new ToggleError(
          TOGGLE_ERROR_CODES.unknownPlugin,
          `no plugin "${change.pluginId}" is loaded in this deployment; toggle one of: ${[...defaults.keys()].join(', ') || '(none)'}`,
          { details: { plugin: change.pluginId } },
        );
      }
      if (change.command !== undefined) {
        const known = new Set([...((await knownCommands(change.pluginId)) ?? []), ...Object.keys(declared.commands ?? {})]);
        if (!known.has(change.command)) {
          throw new ToggleError(
            TOGGLE_ERROR_CODES.unknownCommand,
            `plugin "${change.pluginId}" has no command "${change.command}"; its commands are: ${[...known].join(', ') || '(none reported by the bot yet)'}`,
            {
              details: { plugin: change.pluginId, command: change.command },
            },
          );
        }
      }
      await writeGuildToggle(db, {
        guildId: change.guildId,
        pluginId: change.pluginId,
        command: change.command ?? null,
        enabled: change.enabled,
        actorUserId: change.actorUserId ?? null,
      });
      const message: ToggleChangeMessage = {
        guildId: change.guildId,
        pluginId: change.pluginId,
        command: change.command ?? null,
        enabled: change.enabled,
        actorUserId: change.actorUserId,
        origin,
      };
      invalidate(message);
      await kv.publish(TOGGLES_CHANGED_CHANNEL, JSON.stringify(message));
      logger.info(
        { guild_id: change.guildId, plugin: change.pluginId, command: change.command, enabled: change.enabled, actor_user_id: change.actorUserId },
        'toggle changed',
      );
    },
    async reportCommands(pluginId, commands) {
      await kv.hset(COMMANDS_KEY, { [pluginId]: JSON.stringify([...commands].sort()) });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await unsubscribe();
    },
  };
}
