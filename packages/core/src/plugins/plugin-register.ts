/**
 * Filled by the packages that host plugins, through declaration merging, so plugin code is typed by the real
 * host types without `@baseline/core` depending on Discord or HTTP code:
 *
 * - `services`: the services container handed to hooks and cogs (`@baseline/core`'s services module);
 * - `routeHost`: what a plugin's `routes` function receives (`@baseline/api`: the Fastify instance);
 * - `cog`: the cog class type (`@baseline/bot`).
 *
 * @example
 * ```ts
 * declare module '@baseline/core' {
 *   interface PluginRegister {
 *     routeHost: FastifyInstance;
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface PluginRegister {}

/** The services container a plugin's hooks receive. */
export type PluginServices = PluginRegister extends { services: infer Services } ? Services : Record<string, unknown>;

/** What a plugin's `routes` function receives: the API's server instance under the plugin's route prefix. */
export type PluginRouteHost = PluginRegister extends { routeHost: infer Host } ? Host : unknown;

/** A cog class; the bot package narrows it. */
export type PluginCog = PluginRegister extends { cog: infer Cog } ? Cog : abstract new (...args: never[]) => unknown;
