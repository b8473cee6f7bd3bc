import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { EmulatorCore } from '../emulator-core.js';
import type { OAuthGrant } from '../oauth/oauth-store.js';

/** Who made a request. */
export type RequestAuth = { kind: 'bot' } | { kind: 'bearer'; grant: OAuthGrant } | { kind: 'none' };

/** An uploaded file of a multipart request. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** What a route handler receives; `body` is what its {@link RouteDefinition.body} schema parsed, if it has one. */
export interface RouteRequest<TBody = unknown> {
  core: EmulatorCore;
  method: string;
  /** Decoded path without `/api` and `/vN`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: TBody;
  files: readonly UploadedFile[];
  headers: IncomingHttpHeaders;
  auth: RequestAuth;
  /** `X-Audit-Log-Reason`, decoded. */
  reason: string | null;
}

/** What a route handler returns. JSON bodies get `Content-Type: application/json`; no body means 204. */
export interface RouteResponse {
  status?: number;
  body?: unknown;
  html?: string;
  redirect?: string;
  headers?: Record<string, string>;
}

/** Who may call a route: a bot token, an OAuth2 bearer token, either, or anyone. */
export type RouteAuth = 'bot' | 'bearer' | 'user' | 'none';

/** One REST route. `path` segments starting with `:` are parameters. */
export interface RouteDefinition<TBody = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  auth: RouteAuth;
  /** For the README's fidelity table: what Discord does here that the emulator does not. Absent = emulated. */
  partial?: string;
  /**
   * True when the route changes nothing but messages and interactions (no user, member, role, guild or channel
   * settings), so it leaves `EmulatorState.version` alone and cached interaction parts stay valid.
   * @default false
   */
  changesOnlyMessages?: true;
  /**
   * The JSON body's schema. The HTTP handler parses the body with it once and hands the result to `handle`; a
   * body it rejects is answered 400 / 50035 "Invalid Form Body" with Discord's errors tree. Without it `handle`
   * gets the decoded body unchecked.
   */
  body?: z.ZodType<TBody>;
  handle(request: RouteRequest<TBody>): RouteResponse | Promise<RouteResponse>;
}

/**
 * A route whose `handle` is typed by its `body` schema, for a table of routes:
 * `[defineRoute({ method: 'POST', path, auth, body: schema, handle: ({ body }) => … })]`.
 */
export function defineRoute<TBody>(route: RouteDefinition<TBody>): RouteDefinition {
  // Sound at run time: the HTTP handler passes `handle` exactly what `route.body` parsed. TypeScript cannot see
  // that pairing through the table's element type, hence the one cast.
  return route as unknown as RouteDefinition;
}

/** Parameters that give a route its own rate-limit bucket per value (Discord's "major parameters"). */
export const MAJOR_PARAMETERS = new Set(['channel_id', 'guild_id', 'webhook_id', 'interaction_id']);
