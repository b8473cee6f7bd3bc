import type { EmulatorCore } from '../emulator-core.js';
import type { GuildRecord } from '../state/records.js';

/** Sends a guild event to the bot's shard, only while the bot is in the guild (as Discord does). */
export function dispatchIfBotIn(core: EmulatorCore, guild: GuildRecord, type: string, payload: unknown, intent: number): void {
  if (core.ctx.state.botIsIn(guild.id)) core.gateway.dispatch(guild.id, type, JSON.stringify(payload), intent);
}
