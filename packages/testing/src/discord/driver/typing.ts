import type { EmulatorCore } from '../emulator-core.js';
import { Intent } from '../gateway/intents.js';
import { memberPayload } from '../state/payloads.js';
import type { ChannelRecord } from '../state/records.js';

/** TYPING_START for `userId` in `channel`, under GUILD_MESSAGE_TYPING (guilds) or DIRECT_MESSAGE_TYPING (DMs). */
export function dispatchTyping(core: EmulatorCore, channel: ChannelRecord, userId: string): void {
  const { state } = core.ctx;
  const payload: Record<string, unknown> = { channel_id: channel.id, user_id: userId, timestamp: Math.floor(Date.now() / 1000) };
  if (channel.guildId) {
    if (!state.botIsIn(channel.guildId)) return;
    payload['guild_id'] = channel.guildId;
    const member = state.guilds.get(channel.guildId)?.members.get(userId);
    if (member) payload['member'] = memberPayload(state, member);
  }
  const intent = channel.guildId ? Intent.GuildMessageTyping : Intent.DirectMessageTyping;
  core.gateway.dispatch(channel.guildId, 'TYPING_START', JSON.stringify(payload), intent);
}
