import { bumpAccessVersions, listActiveGrantUserIds } from '@baseline/core';
import type { GuildTrackingServices } from './record-guild-join.js';

/**
 * Tells every API instance that access to a guild changed (the bot joined, left, rejoined or renamed it, or a grant
 * changed): bumps the access versions of the guild, of every user with an active grant there (their guild lists
 * change) and of `userIds` (users whose grant just ended). Called after the change is committed. A failure is
 * logged, never thrown: the change stands, and API instances see it once their caches expire.
 *
 * @param services - `db`, `kv` and `logger` of the services container
 * @param guildId - the guild concerned
 * @param userIds - users concerned beyond the guild's active grants
 */
export async function announceAccessChange(services: GuildTrackingServices, guildId: string, userIds: Iterable<string> = []): Promise<void> {
  try {
    const grants = await listActiveGrantUserIds(services.db, guildId);
    await bumpAccessVersions(services.kv, { guildIds: [guildId], userIds: [...grants, ...userIds] });
  } catch (error) {
    services.logger.warn(
      { err: error, guild_id: guildId },
      'access change not announced: API instances may serve cached access to this guild until their caches expire',
    );
  }
}
