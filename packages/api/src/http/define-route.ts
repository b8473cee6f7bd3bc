import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Caller } from '../auth/caller.js';
import type { SessionHint } from '../auth/session-hints.js';
import type { ApiContext } from './api-context.js';

/** HTTP methods routes may use. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route, checked before the handler runs:
 * - `public`: anyone;
 * - `user`: any signed-in user;
 * - `guild`: an active authorized user of the `guild_id` path parameter, or the developer team;
 * - `guild-authorized`: an active authorized user of `guild_id` only (granting and revoking access);
 * - `developer`: the developer team (members of `MAIN_GUILD_ID`).
 */
export type RouteAccess = 'public' | 'user' | 'guild' | 'guild-authorized' | 'developer';

type Schema = z.ZodType;
type Infer<T> = T extends Schema ? z.output<T> : undefined;

/** The access levels checked against the route's `guild_id` path parameter. */
export type GuildRouteAccess = Extract<RouteAccess, 'guild' | 'guild-authorized'>;

/**
 * The caller a handler of an `Access` route receives: always set, since the pipeline refuses a request without a
 * session (401) before the handler, except on `public` routes, where it is set only when a session exists.
 */
export type CallerFor<Access extends RouteAccess> = Access extends 'public' ? Caller | undefined : Caller;

/** The guild a handler of an `Access` route receives: the checked `guild_id` on guild routes, otherwise `undefined`. */
export type GuildIdFor<Access extends RouteAccess> = Access extends GuildRouteAccess ? string : undefined;

/** What a handler receives: validated input, the caller and the API's shared parts. */
export interface RouteContext<Params, Query, Body, Access extends RouteAccess = RouteAccess> {
  params: Params;
  query: Query;
  body: Body;
  /** Set for every access level but `public`, where it is set only when a session exists. */
  caller: CallerFor<Access>;
  /** The `guild_id` the caller's access was checked against, on `guild` and `guild-authorized` routes. */
  guildId: GuildIdFor<Access>;
  request: FastifyRequest;
  reply: FastifyReply;
  api: ApiContext;
  /** What the route's `prefetch` started, when it was started for this very caller; otherwise `undefined`. */
  prefetched: Promise<unknown> | undefined;
}

/** A route with zod schemas: validated on every request and described in the OpenAPI document. */
export interface RouteDefinition<
  ParamsSchema extends Schema | undefined = Schema | undefined,
  QuerySchema extends Schema | undefined = Schema | undefined,
  BodySchema extends Schema | undefined = Schema | undefined,
  Access extends RouteAccess = RouteAccess,
> {
  method: RouteMethod;
  /** Path under the mount point, Fastify style (`/guilds/:guild_id`). */
  url: string;
  summary: string;
  description?: string;
  /** OpenAPI tags, e.g. `['guilds']`. */
  tags?: string[];
  /** Who may call the route; it also narrows the handler's `caller` and `guildId` (see {@link CallerFor}). */
  access: Access;
  /** Path parameters; invalid ones answer 400 with field paths. */
  params?: ParamsSchema;
  /** Query string; invalid values answer 400 with field paths. */
  query?: QuerySchema;
  /** JSON body; an invalid body answers 422 with field paths. */
  body?: BodySchema;
  /**
   * Response bodies by status (the first one is the success status), for the OpenAPI document. Statuses from 400
   * document a failure particular to this route; the schema's description (`.describe()`) says when it happens.
   */
  responses: Record<number, Schema | null>;
  /**
   * Error statuses the handler itself answers, with what they mean, for the OpenAPI document (e.g.
   * `{ 409: 'Already authorized' }`). The pipeline's own statuses (400, 401, 403, 404, 413, 414, 415, 422, 429, 500)
   * are listed for every route they apply to without being named here.
   */
  errors?: Record<number, string>;
  /**
   * HTTP headers for the OpenAPI document, which the zod schemas cannot describe (name → description): optional
   * request headers the handler reads, and headers of the success response.
   */
  headers?: { request?: Record<string, string>; response?: Record<string, string> };
  /**
   * Count the call against the rate limits.
   * @default true
   */
  rateLimit?: boolean;
  /**
   * Work to start at once, while the session is still being read, for the user this session belonged to when
   * this process last saw it. It is a hint, never trusted: the promise reaches the handler as `prefetched` only
   * when the session turns out to be that user with the same developer flag (it still passes every check first);
   * otherwise it is ignored. Return `undefined` to start nothing.
   */
  prefetch?(hint: SessionHint, api: ApiContext): Promise<unknown> | undefined;
  handler(context: RouteContext<Infer<ParamsSchema>, Infer<QuerySchema>, Infer<BodySchema>, Access>): unknown;
}

/** Identity helper that infers a route's input types from its schemas and its handler's caller from `access`. */
export function defineRoute<
  ParamsSchema extends Schema | undefined = undefined,
  QuerySchema extends Schema | undefined = undefined,
  BodySchema extends Schema | undefined = undefined,
  Access extends RouteAccess = RouteAccess,
>(definition: RouteDefinition<ParamsSchema, QuerySchema, BodySchema, Access>): RouteDefinition<ParamsSchema, QuerySchema, BodySchema, Access> {
  return definition;
}

/** Any route, whatever its schemas. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers are contravariant in their input
export type AnyRouteDefinition = RouteDefinition<any, any, any, any>;
