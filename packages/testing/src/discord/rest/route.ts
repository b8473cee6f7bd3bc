import type { IncomingHttpHeaders } from 'node:http';
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

/** What a route handler receives. */
export interface RouteRequest {
  core: EmulatorCore;
  method: string;
  /** Decoded path without `/api` and `/vN`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
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
export interface RouteDefinition {
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
  handle(request: RouteRequest): RouteResponse | Promise<RouteResponse>;
}

/** Parameters that give a route its own rate-limit bucket per value (Discord's "major parameters"). */
export const MAJOR_PARAMETERS = new Set(['channel_id', 'guild_id', 'webhook_id', 'interaction_id']);
