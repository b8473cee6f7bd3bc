import type { EmulatorCore } from '../emulator-core.js';
import { Intent } from '../gateway/intents.js';
import type { PermissionOverwrite } from '../permissions.js';
import { channelPayload } from '../state/payloads.js';
import type { ChannelRecord, GuildRecord } from '../state/records.js';
import { dispatchIfBotIn } from './dispatch-if-bot-in.js';

/** Fields of a guild channel an edit may change. */
export interface ChannelEdit {
  name?: string;
  topic?: string | null;
  nsfw?: boolean;
  position?: number;
  parentId?: string | null;
  overwrites?: PermissionOverwrite[];
}

/** Edits and deletes of guild channels (CHANNEL_UPDATE / CHANNEL_DELETE); creation is `GuildActions.addChannel`. */
export class ChannelActions {
  constructor(private readonly core: EmulatorCore) {}

  edit(guild: GuildRecord, channel: ChannelRecord, edit: ChannelEdit): ChannelRecord {
    if (edit.name !== undefined) channel.name = edit.name;
    if (edit.topic !== undefined) channel.topic = edit.topic;
    if (edit.nsfw !== undefined) channel.nsfw = edit.nsfw;
    if (edit.position !== undefined) channel.position = edit.position;
    if (edit.parentId !== undefined) channel.parentId = edit.parentId;
    if (edit.overwrites !== undefined) channel.overwrites = edit.overwrites;
    dispatchIfBotIn(this.core, guild, 'CHANNEL_UPDATE', channelPayload(channel), Intent.Guilds);
    return channel;
  }

  /** Deletes a channel with its messages and threads (their THREAD_DELETEs first), then CHANNEL_DELETE. */
  delete(guild: GuildRecord, channel: ChannelRecord): void {
    const { state } = this.core.ctx;
    for (const thread of [...guild.threads.values()]) if (thread.parentId === channel.id) this.core.threads.delete(thread);
    const payload = channelPayload(channel);
    guild.channels.delete(channel.id);
    state.channels.delete(channel.id);
    state.channelMessages.delete(channel.id);
    if (guild.systemChannelId === channel.id) guild.systemChannelId = null;
    dispatchIfBotIn(this.core, guild, 'CHANNEL_DELETE', payload, Intent.Guilds);
  }
}
