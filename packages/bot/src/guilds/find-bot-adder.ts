import { AuditLogEvent, DiscordAPIError, RESTJSONErrorCodes, type Guild } from 'discord.js';

/** Who added the bot to a guild, and how that was found out. */
export type BotAdder =
  { readonly userId: string; readonly source: 'audit-log' } | { readonly userId: string; readonly source: 'owner'; readonly reason: string };

/**
 * Finds the user who added the bot from the guild's audit log (BOT_ADD entries whose target is the bot). When
 * the log cannot be read (no VIEW_AUDIT_LOG: Discord error 50013), has no such entry, or fails, the guild
 * owner stands in, with the reason.
 *
 * @param guild - the guild the bot just joined
 * @param botUserId - the bot's own user id
 */
export async function findBotAdder(guild: Guild, botUserId: string): Promise<BotAdder> {
  try {
    const log = await guild.fetchAuditLogs({ type: AuditLogEvent.BotAdd, limit: 50 });
    const entry = log.entries.find((candidate) => candidate.targetId === botUserId && candidate.executorId !== null);
    if (entry?.executorId) return { userId: entry.executorId, source: 'audit-log' };
    return { userId: guild.ownerId, source: 'owner', reason: 'the audit log has no BOT_ADD entry for the bot' };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingPermissions) {
      return { userId: guild.ownerId, source: 'owner', reason: 'the bot lacks VIEW_AUDIT_LOG (Discord error 50013)' };
    }
    return { userId: guild.ownerId, source: 'owner', reason: `reading the audit log failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
