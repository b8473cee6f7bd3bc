import type { EmulatorCore } from '../../emulator-core.js';
import { Permission } from '../../permissions.js';
import type { ChannelRecord, GuildRecord, MessageRecord } from '../../state/records.js';
import { Errors } from '../api-error.js';

/** The guild if it exists (10004) and the bot is in it (50001). */
export function botGuild(core: EmulatorCore, guildId: string | undefined): GuildRecord {
  const guild = guildId ? core.ctx.state.guilds.get(guildId) : undefined;
  if (!guild) throw Errors.unknownGuild();
  if (!core.ctx.state.botIsIn(guild.id)) throw Errors.missingAccess();
  return guild;
}

/** The channel if it exists (10003) and the bot can see it (50001). */
export function botChannel(core: EmulatorCore, channelId: string | undefined): { channel: ChannelRecord; guild: GuildRecord | null } {
  const { state } = core.ctx;
  const channel = channelId ? state.channels.get(channelId) : undefined;
  if (!channel) throw Errors.unknownChannel();
  if (!channel.guildId) return { channel, guild: null };
  const guild = botGuild(core, channel.guildId);
  if ((state.channelPermissions(guild, channel, state.botUserId) & Permission.ViewChannel) === 0n) throw Errors.missingAccess();
  return { channel, guild };
}

/** Throws 50013 unless the bot has every bit of `permission` in the guild (or channel). */
export function requireBotPermission(core: EmulatorCore, guild: GuildRecord, permission: bigint, channel?: ChannelRecord): void {
  const { state } = core.ctx;
  const granted = channel ? state.channelPermissions(guild, channel, state.botUserId) : state.basePermissions(guild, state.botUserId);
  if ((granted & permission) !== permission) throw Errors.missingPermissions();
}

/** An integer query parameter clamped to [min, max]. */
export function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  const value = raw === null ? fallback : Number.parseInt(raw, 10);
  if (Number.isNaN(value)) throw Errors.invalidForm(name, 'NUMBER_TYPE_COERCE', `Value "${raw}" is not int.`);
  return Math.min(max, Math.max(min, value));
}

/** True for Discord's boolean query spellings `true`/`True`/`1`. */
export function boolParam(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  return raw === 'true' || raw === 'True' || raw === '1';
}

/** A message of a channel the bot can see (10003 / 50001 / 10008 otherwise). */
export function botMessage(
  core: EmulatorCore,
  channelId: string | undefined,
  messageId: string | undefined,
): { channel: ChannelRecord; guild: GuildRecord | null; message: MessageRecord } {
  const { channel, guild } = botChannel(core, channelId);
  const message = messageId ? core.ctx.state.channelMessages.get(channel.id)?.get(messageId) : undefined;
  if (!message) throw Errors.unknownMessage();
  return { channel, guild, message };
}
