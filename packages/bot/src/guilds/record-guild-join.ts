import { findGuild, reactivateGuild, upsertGuild, type BaselineServices } from '@baseline/core';
import type { Guild } from 'discord.js';
import { findBotAdder } from './find-bot-adder.js';
import { findInitialUser, grantInitialUser } from './grant-initial-user.js';

/** What {@link recordGuildJoin} found: a first join, a return after a leave, or a guild already tracked. */
export type GuildJoinOutcome = 'joined' | 'rejoined' | 'known';

/** The part of the services container guild tracking uses. */
export type GuildTrackingServices = Pick<BaselineServices, 'db' | 'logger'>;

/**
 * Records that the bot is in `guild`: inserts it (a first join), reactivates it (a rejoin; its settings and
 * grants kept) or refreshes its name and owner. A guild without an initial authorized user gets one: whoever
 * added the bot according to the audit log, else the owner (logged with the reason).
 *
 * @param services - `db` and `logger` of the services container
 * @param guild - an available guild
 * @param botUserId - the bot's user id, to find its BOT_ADD entry
 */
export async function recordGuildJoin(services: GuildTrackingServices, guild: Guild, botUserId: string): Promise<GuildJoinOutcome> {
  const { db, logger } = services;
  const existing = await findGuild(db, guild.id);
  let outcome: GuildJoinOutcome = 'known';
  if (existing === null) outcome = 'joined';
  else if (!existing.isActive && (await reactivateGuild(db, guild.id))) outcome = 'rejoined';

  let initialUser = existing === null ? undefined : await findInitialUser(db, guild.id);
  let addedBy: string | undefined;
  if (initialUser === undefined) {
    const adder = await findBotAdder(guild, botUserId);
    if (adder.source === 'owner') {
      logger.warn({ guild_id: guild.id, user_id: adder.userId, reason: adder.reason }, `initial authorized user is the guild owner: ${adder.reason}`);
    }
    addedBy = adder.userId;
  }
  await upsertGuild(db, { guildId: guild.id, guildName: guild.name, ownerId: guild.ownerId, addedByUserId: addedBy ?? null });
  if (addedBy !== undefined) {
    await grantInitialUser(db, guild.id, addedBy);
    initialUser = addedBy;
  }
  if (outcome !== 'known') logger.info({ guild_id: guild.id, initial_user_id: initialUser, outcome }, outcome === 'joined' ? 'guild joined' : 'guild rejoined');
  return outcome;
}
