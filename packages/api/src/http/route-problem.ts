import type { AnyRouteDefinition, GuildRouteAccess, RouteAccess } from './define-route.js';

const GUILD_PARAM = /(^|\/):guild_id(\/|$)/;

/** Whether an `access` level is checked against the route's `guild_id` path parameter. */
export function isGuildAccess(access: RouteAccess): access is GuildRouteAccess {
  return access === 'guild' || access === 'guild-authorized';
}

/**
 * Why a route cannot be mounted, or `undefined` when it can. Checked once, when the route is mounted, so a
 * mistake fails at startup (or skips the plugin that made it) instead of answering every request wrongly:
 * - a guild-scoped route needs a `:guild_id` path parameter, declared in its `params` schema, to check access by;
 * - a route with a `:guild_id` path parameter must check access to that guild (`guild`, `guild-authorized`) or
 *   be for the developer team; `public` or `user` would serve one guild's data to anyone.
 */
export function routeProblem(definition: AnyRouteDefinition): string | undefined {
  const hasGuildParam = GUILD_PARAM.test(definition.url);
  if (isGuildAccess(definition.access)) {
    if (!hasGuildParam) return `has access '${definition.access}' but no :guild_id path parameter to check it against`;
    // Duck-typed: a plugin may bring its own copy of zod.
    const shape = (definition.params as { shape?: Record<string, unknown> } | undefined)?.shape;
    if (shape?.guild_id === undefined) return `has access '${definition.access}' but its params schema declares no guild_id`;
  } else if (hasGuildParam && definition.access !== 'developer') {
    return `has a :guild_id path parameter but access '${definition.access}': use 'guild' or 'guild-authorized' so the caller's access to that guild is checked`;
  }
  return undefined;
}
