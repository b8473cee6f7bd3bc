import { findGuild, findInitialUser, grantInitialUser, reactivateGuild, upsertGuild, type BaselineServices } from '@baseline/core';
import type { Guild } from 'discord.js';
import { announceAccessChange } from './announce-access-change.js';
import { findBotAdder } from './find-bot-adder.js';
import { transferInitialUser } from './transfer-initial-user.js';

/** What {@link recordGuildJoin} found: a first join, a return after a leave, or a guild already tracked. */
export type GuildJoinOutcome = 'joined' | 'rejoined' | 'known';

/** The part of the services container guild tracking uses (`kv` announces access changes to API instances). */
export type GuildTrackingServices = Pick<BaselineServices, 'db' | 'kv' | 'logger'>;

/** Options of {@link recordGuildJoin}. */
export interface GuildJoinOptions {
  /**
   * The bot was just added (a `guildCreate` after ready), not merely seen again: who added it is read from the
   * audit log even when the guild is known, so a different adder takes over as the initial user.
   * @default false
   */
  readonly added?: boolean;
}

/**
 * Records that the bot is in `guild`: inserts it (a first join), reactivates it (a rejoin; its settings and
 * grants kept) or refreshes its name and owner. A guild without an initial authorized user gets one: whoever
 * added the bot according to the audit log, else the owner (logged with the reason). On a rejoin (or any
 * `added` join) by a different user than the stored initial user, the new adder becomes the initial user and
 * the previous one keeps an ordinary, revocable grant (`access.initial-transfer` in the audit log). A join, rejoin,
 * rename or initial grant bumps the access versions of the guild and its authorized users, so every API instance
 * sees it with its next request.
 *
 * @param services - `db`, `kv` and `logger` of the services container
 * @param guild - an available guild
 * @param botUserId - the bot's user id, to find its BOT_ADD entry
 * @param options - see {@link GuildJoinOptions}
 */
export async function recordGuildJoin(
  services: GuildTrackingServices,
  guild: Guild,
  botUserId: string,
  options: GuildJoinOptions = {},
): Promise<GuildJoinOutcome> {
  const { db, logger } = services;
  const existing = await findGuild(db, guild.id);
  let outcome: GuildJoinOutcome = 'known';
  if (existing === null) outcome = 'joined';
  else if (!existing.isActive && (await reactivateGuild(db, guild.id))) outcome = 'rejoined';

  let initialUser = existing === null ? undefined : await findInitialUser(db, guild.id);
  const adder = initialUser === undefined || outcome === 'rejoined' || options.added === true ? await findBotAdder(guild, botUserId) : undefined;
  let addedBy: string | undefined;
  if (initialUser === undefined && adder !== undefined) {
    if (adder.source === 'owner') {
      logger.warn({ guild_id: guild.id, user_id: adder.userId, reason: adder.reason }, `initial authorized user is the guild owner: ${adder.reason}`);
    }
    addedBy = adder.userId;
  }
  await upsertGuild(db, { guildId: guild.id, guildName: guild.name, ownerId: guild.ownerId, addedByUserId: addedBy ?? null });
  if (addedBy !== undefined) {
    await grantInitialUser(db, guild.id, addedBy);
    initialUser = addedBy;
  } else if (adder?.source === 'audit-log' && adder.userId !== initialUser) {
    // Only a user the audit log names takes over: the owner fallback says nothing about who re-added the bot.
    await transferInitialUser(services, { guildId: guild.id, to: adder.userId, reason: 'the bot was re-added by another user' });
    initialUser = adder.userId;
  }
  // Joined, back, renamed or newly granted: every API instance must see it with its next request.
  if (outcome !== 'known' || addedBy !== undefined || existing?.guildName !== guild.name) await announceAccessChange(services, guild.id);
  if (outcome !== 'known') logger.info({ guild_id: guild.id, initial_user_id: initialUser, outcome }, outcome === 'joined' ? 'guild joined' : 'guild rejoined');
  return outcome;
}
