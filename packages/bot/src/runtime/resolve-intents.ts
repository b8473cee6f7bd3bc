import { discordIntentsBitfield, type BaselineConfig, type LoadedPlugin } from '@baseline/core';
import { GatewayIntentBits } from 'discord.js';

/**
 * The gateway intents to identify with: `DISCORD_INTENTS` when set, otherwise `Guilds` plus every intent the
 * loaded plugins declare (discord.js names such as `GuildMessages`, or bits).
 */
export function resolveIntents(config: BaselineConfig, plugins: readonly LoadedPlugin[]): number {
  if (config.discord.intents !== undefined) return discordIntentsBitfield(config.discord.intents);
  let bits: number = GatewayIntentBits.Guilds;
  for (const loaded of plugins) {
    for (const intent of loaded.plugin.intents ?? []) {
      const bit = typeof intent === 'number' ? intent : GatewayIntentBits[intent as keyof typeof GatewayIntentBits];
      if (typeof bit === 'number') bits |= bit;
      else loaded.logger.warn({ intent }, 'unknown gateway intent ignored');
    }
  }
  return bits;
}
