import type { SettingsPatch, SettingsRegistry } from '@baseline/core';
import { BOT_ERROR_CODES, BotError } from '../runtime/bot-error.js';

/** A guild's settings of one plugin, typed by the plugin's settings definition. */
export interface CogSettings<Settings> {
  /**
   * The guild's complete settings (stored values over defaults). Cached per process; a change made by any
   * process (another shard, the API) drops the cached value through Redis pub/sub.
   */
  get(guildId: string): Promise<Readonly<Settings>>;
  /** Validates, stores and announces a change; `null` clears a field (its default, or absent when optional). */
  set(guildId: string, value: SettingsPatch<Settings>, options?: { actorUserId?: string }): Promise<Readonly<Settings>>;
}

/**
 * Settings access bound to one namespace, so cogs need not repeat their plugin id.
 * @param namespace - the plugin's settings namespace; `undefined` for cogs without a plugin (every call throws).
 */
export function createCogSettings<Settings>(registry: SettingsRegistry, namespace: string | undefined, cogName: string): CogSettings<Settings> {
  const required = (): string => {
    if (namespace === undefined || !registry.namespaces().includes(namespace)) {
      throw new BotError(BOT_ERROR_CODES.cogInvalid, `cog "${cogName}" reads settings, but its plugin registered none`, {
        details: { cog: cogName, namespace },
      });
    }
    return namespace;
  };
  return {
    get: (guildId) => registry.get(guildId, required()) as Promise<Readonly<Settings>>,
    set: (guildId, value, options) => registry.set(guildId, required(), value as Record<string, unknown>, options) as Promise<Readonly<Settings>>,
  };
}
