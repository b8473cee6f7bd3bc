/**
 * The page tests' API: msw's service worker answers the dashboard's `/api/v1/…` requests in Chromium, at the network
 * boundary, so the pages run their real client (openapi-fetch, CSRF header, 401 handling). Answers are typed by the
 * generated client types (src/client/api-schema.generated.ts, which test/client/api-types.test.ts keeps equal to the
 * API's OpenAPI document), so a fake that drifts from the API fails the typecheck. The e2e suite (test/e2e) runs the
 * same pages against the real API.
 *
 * The typing helpers are ours because openapi-msw, the maintained wrapper that does this, requires msw 2.
 */
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupWorker } from 'msw/browser';
import type { components, paths } from '../../../src/client/api-schema.generated.js';

type Method = 'get' | 'put' | 'post' | 'delete';
type PathOf<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: object } ? P : never }[keyof paths];
type Operation<P extends keyof paths, M extends Method> = paths[P][M];
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
/** The 200 (or 201) body of an operation. */
export type OkBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? (R extends { 200: infer Ok } ? Json<Ok> : R extends { 201: infer Created } ? Json<Created> : never) : never;
/** The JSON body an operation accepts. */
export type RequestBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : undefined;

/** One request the page sent, as the API would see it. */
export interface SentRequest {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
}

/** What a handler gets: the path parameters and the JSON body, already parsed. */
export interface Received<P extends keyof paths, M extends Method> {
  params: Record<string, string>;
  body: RequestBody<P, M>;
  url: URL;
  request: Request;
}

export const worker = setupWorker();
/** Every API request answered since the test started. */
export const sent: SentRequest[] = [];
/** API requests no handler answered (each also fails in the page with a network error). */
export const unanswered: string[] = [];

/** Starts the service worker once per test file; unanswered `/api/` requests are recorded and refused. */
export async function startFakeApi(): Promise<void> {
  await worker.start({
    quiet: true,
    onUnhandledFrame: ({ frame, defaults }) => {
      const request = (frame.data as { request?: Request }).request;
      if (request === undefined || !new URL(request.url).pathname.startsWith('/api/')) return;
      unanswered.push(`${request.method} ${new URL(request.url).pathname}`);
      defaults.error();
    },
  });
}

/** Forgets the test's handlers and requests. */
export function resetFakeApi(): void {
  worker.resetHandlers();
  sent.splice(0);
  unanswered.splice(0);
}

/**
 * Answers `method path` (an OpenAPI path such as `/api/v1/guilds/{guild_id}`) with what `respond` returns: a body
 * typed as the API's success answer (sent with `status`, 200 unless the route creates: 201), or a `Response` for
 * anything else (see {@link apiError}).
 */
export function answer<M extends Method, P extends PathOf<M>>(
  method: M,
  path: P,
  respond: (received: Received<P, M>) => OkBody<P, M> | Response | Promise<OkBody<P, M> | Response>,
  { status = 200 }: { status?: 200 | 201 } = {},
): void {
  const mswPath = path.replace(/\{(\w+)\}/g, ':$1');
  worker.use(
    http[method](mswPath, async ({ request, params }) => {
      const url = new URL(request.url);
      const text = await request.clone().text();
      const body = text === '' ? undefined : (JSON.parse(text) as RequestBody<P, M>);
      sent.push({ method: request.method, path: url.pathname, search: url.search, headers: request.headers, body });
      const result = await respond({ params: params as Record<string, string>, body: body as RequestBody<P, M>, url, request });
      return result instanceof Response ? result : HttpResponse.json(result as JsonBodyType, { status });
    }),
  );
}

/** The API's uniform error answer: `{ error: { code, message, …extra } }` with `status`. */
export function apiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return HttpResponse.json({ error: { code, message, ...extra } }, { status });
}

/** `METHOD path` of every request sent so far, for asserting what a page asked the API. */
export const sentLines = (): string[] => sent.map((request) => `${request.method} ${request.path}`);

// Fixtures shared by the page tests.
export type Session = OkBody<'/api/v1/auth/me', 'get'>;
export const DEMO_GUILD = '300000000000000001';
export const MAIN_GUILD = '300000000000000002';
export const CSRF_TOKEN = 'csrf-token-of-the-test-session';

export function session(overrides: Partial<Session> = {}): Session {
  return {
    user: { id: '100000000000000001', username: 'owner', global_name: 'Owner', avatar: null },
    is_developer: false,
    csrf_token: CSRF_TOKEN,
    guilds: [{ guild_id: DEMO_GUILD, name: 'Demo', access: 'authorized', is_initial: true }],
    ...overrides,
  };
}

/** A developer-team session: every guild, and the admin pages. */
export const developerSession = (): Session =>
  session({
    user: { id: '100000000000000009', username: 'dev', global_name: null, avatar: null },
    is_developer: true,
    guilds: [
      { guild_id: DEMO_GUILD, name: 'Demo', access: 'developer', is_initial: false },
      { guild_id: MAIN_GUILD, name: 'Main', access: 'developer', is_initial: false },
    ],
  });

/** Answers `/auth/me` with `who`, or 401 when signed out; `end()` ends the session as logout or expiry does. */
export function signIn(who: Session | null): { end(): void } {
  let current = who;
  answer('get', '/api/v1/auth/me', () => (current === null ? apiError(401, 'BL_ERR_API_UNAUTHENTICATED', 'no valid session') : current));
  return { end: () => void (current = null) };
}

export type GuildToggles = components['schemas']['GuildToggles'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type ModelPrice = components['schemas']['ModelPrice'];
export type CommandPermissionsOutcome = components['schemas']['CommandPermissionsOutcome'];
