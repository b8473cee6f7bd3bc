import { decideGuildAccess } from '../../access/guild-access.js';
import type { GuildAccessCache } from '../../access/guild-access-cache.js';
import type { Caller } from '../../auth/caller.js';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import type { GuildRouteAccess, RouteAccess } from '../define-route.js';

/**
 * Refuses a caller who may not reach the guild, from the facts cached for the gate's access version; a denial from
 * cached facts is confirmed against PostgreSQL first, so a grant made outside the API is never refused from the cache.
 *
 * @param version - the guild's access version the request gate read
 * @throws ApiError `BL_ERR_API_FORBIDDEN` (403) or `BL_ERR_API_NOT_FOUND` (404), see `decideGuildAccess`
 */
export async function authorizeGuild(guildAccess: GuildAccessCache, access: GuildRouteAccess, caller: Caller, guildId: string, version: string): Promise<void> {
  const options = { authorizedOnly: access === 'guild-authorized' };
  const { facts, cached } = await guildAccess.read(guildId, version);
  try {
    decideGuildAccess(facts, caller, options);
  } catch (error) {
    if (!cached) throw error;
    decideGuildAccess(await guildAccess.load(guildId, version), caller, options);
  }
}

/**
 * Refuses a caller outside the developer team on a `developer` route; every other level passes.
 *
 * @throws ApiError `BL_ERR_API_FORBIDDEN` (403)
 */
export function authorizeDeveloper(access: RouteAccess, caller: Caller): void {
  if (access !== 'developer' || caller.isDeveloper) return;
  throw new ApiError(API_ERROR_CODES.forbidden, 'only the developer team may do this', { status: 403 });
}
