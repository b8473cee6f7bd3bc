import type { z } from 'zod';
import type { RouteAccess, RouteDefinition } from '../http/define-route.js';

type Schema = z.ZodType;

/**
 * What a plugin's `routes(host, context)` receives: routes added here are mounted under
 * `/api/v1/plugins/<plugin id>`, validated with their zod schemas, guarded by their `access` level (use
 * `guild` with a `guild_id` path parameter for guild data) and listed in the OpenAPI document.
 *
 * @example
 * ```ts
 * routes(host) {
 *   host.route({
 *     method: 'GET',
 *     url: '/guilds/:guild_id/greetings',
 *     summary: 'Recent greetings',
 *     access: 'guild',
 *     params: z.object({ guild_id: z.string() }),
 *     responses: { 200: z.object({ greetings: z.array(z.string()) }) },
 *     handler: async ({ params, api }) => ({ greetings: await listGreetings(api.services.db, params.guild_id) }),
 *   });
 * }
 * ```
 */
export interface ApiRouteHost {
  /** `/api/v1/plugins/<plugin id>`. */
  readonly prefix: string;
  /** Adds a route under {@link ApiRouteHost.prefix}. */
  route<
    P extends Schema | undefined = undefined,
    Q extends Schema | undefined = undefined,
    B extends Schema | undefined = undefined,
    A extends RouteAccess = RouteAccess,
  >(
    definition: RouteDefinition<P, Q, B, A>,
  ): void;
}

declare module '@baseline/core' {
  interface PluginRegister {
    routeHost: ApiRouteHost;
  }
}
