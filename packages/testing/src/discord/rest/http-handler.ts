import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorCore } from '../emulator-core.js';
import { ApiError, Errors } from './api-error.js';
import { OAuthError } from '../oauth/oauth-error.js';
import { readBody } from '../../http/read-body.js';
import { parseFormBody } from './form-errors.js';
import { parseBody } from './parse-body.js';
import type { ResponseScope } from './response-scope.js';
import { RateLimiter } from './rate-limiter.js';
import type { RequestAuth, RouteDefinition } from './route.js';
import { compileRoutePattern, type RoutePattern } from './route-pattern.js';
import { Router } from './router.js';
import { UnimplementedRoutes } from './unimplemented-routes.js';

const NO_AUTH: RequestAuth = Object.freeze({ kind: 'none' });
const BOT_AUTH: RequestAuth = Object.freeze({ kind: 'bot' });

/**
 * Request targets made only of these characters read the same raw as through WHATWG URL parsing (nothing to
 * percent-encode, no `.`/`..` segment, no fragment, no backslash); any other target takes the URL parser.
 */
const PLAIN_TARGET = /^\/(?!\/)[\w\-.~%!$&()*+,;=:@/?]*$/;

/** Path and query (without `?`) of a request target, as `new URL(target, base)` would give them. */
function splitTarget(target: string): { pathname: string; search: string } {
  if (PLAIN_TARGET.test(target) && !target.includes('/.') && !/%2e/i.test(target)) {
    const question = target.indexOf('?');
    return question === -1 ? { pathname: target, search: '' } : { pathname: target.slice(0, question), search: target.slice(question + 1) };
  }
  const url = new URL(target, 'http://localhost');
  return { pathname: url.pathname, search: url.search.slice(1) };
}

/** Decoded path segments without `api` and a `vN` version prefix; none when the encoding is broken. */
function pathParts(pathname: string): string[] {
  const parts: string[] = [];
  for (const part of pathname.split('/')) {
    if (part === '') continue;
    if (!part.includes('%')) parts.push(part);
    else {
      try {
        parts.push(decodeURIComponent(part));
      } catch {
        return [];
      }
    }
  }
  if (parts[0] === 'api') parts.shift();
  if (parts[0] !== undefined && /^v\d+$/.test(parts[0])) parts.shift();
  return parts;
}

function runAll(callbacks: readonly (() => void)[]): void {
  for (const callback of callbacks) callback();
}

/** One entry of the emulator's request log. */
export interface LoggedRequest {
  method: string;
  /** Decoded path without `/api` and `/vN`. */
  path: string;
  /** Raw query string without `?`. */
  query: string;
  body: unknown;
  status: number;
  /** Epoch milliseconds when the request arrived. */
  at: number;
}

/**
 * The HTTP side of the emulator: routing, authentication, body parsing, rate limits, injected latency,
 * Discord-style errors and the request log.
 */
export class HttpHandler {
  readonly requests: LoggedRequest[] = [];
  readonly rateLimiter: RateLimiter;
  /** Requests no route answered (404), one entry per method + route. */
  readonly unimplemented: UnimplementedRoutes;
  readonly #router: Router;
  readonly #scope: ResponseScope;
  readonly #latencies: { matches: (method: string, path: string) => boolean; ms: number }[] = [];

  constructor(
    private readonly core: EmulatorCore,
    routes: readonly RouteDefinition[],
  ) {
    this.#router = new Router(routes);
    this.#scope = core.responses;
    const rest = core.ctx.options.rest;
    this.unimplemented = new UnimplementedRoutes(rest.warn);
    this.rateLimiter = new RateLimiter(rest.bucketLimit, rest.bucketWindowMs, rest.forcedRetryAfterMs);
  }

  /** Delays every request matching `pattern` by `ms`. */
  addLatency(pattern: RoutePattern, ms: number): void {
    this.#latencies.push({ matches: compileRoutePattern(pattern), ms });
  }

  /** Handles one HTTP request. */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = Date.now();
    const { pathname, search } = splitTarget(request.url ?? '/');
    const method = (request.method ?? 'GET').toUpperCase();
    const parts = pathParts(pathname);
    const path = `/${parts.join('/')}`;
    const entry: LoggedRequest = { method, path, query: search, body: undefined, status: 0, at };
    const frames = this.core.gateway.frames;
    const framesBefore = frames.framesHeld;
    const log = this.requests;
    const limit = this.core.ctx.options.rest.requestLogLimit;
    // Trimmed in batches so a full log costs amortised O(1) per request.
    if (log.length >= limit + Math.max(1, limit >> 3)) log.splice(0, log.length - limit + 1);
    log.push(entry);
    let status: number;
    let headers: Record<string, string> = {};
    let payload: string | undefined;
    let contentType = 'application/json';
    /** Driver notifications the handler caused, released once the response is written. */
    let held: (() => void)[] | null = null;
    try {
      for (const latency of this.#latencies) if (latency.matches(method, path)) await sleep(latency.ms);
      const body = readBody(request);
      // Most requests are complete on arrival; awaiting only real promises saves a microtask turn each.
      const raw = body instanceof Promise ? await body : body;
      const match = this.#router.match(method, parts);
      // A path or method no route emulates: Discord's 404 body, one warning per route, listed for tests.
      if (match === null || match === 'methodMismatch') {
        this.unimplemented.record(method, parts, path);
        throw Errors.notFound();
      }
      const { route, params } = match;
      const parsed = parseBody(raw, request.headers['content-type']);
      entry.body = parsed.body;
      const auth = this.#authenticate(request.headers.authorization);
      if (auth === null) throw Errors.unauthorized();
      if (route.auth === 'bot' && auth.kind !== 'bot') throw Errors.unauthorized();
      if (route.auth === 'bearer' && auth.kind !== 'bearer') throw Errors.unauthorized();
      if (route.auth === 'user' && auth.kind === 'none') throw Errors.unauthorized();
      const verdict = this.rateLimiter.take(method, path, route.path, match.major);
      headers = verdict.headers;
      if (verdict.limited) {
        status = 429;
        payload = JSON.stringify({
          message: 'You are being rate limited.',
          retry_after: verdict.limited.retryAfter,
          global: verdict.limited.global,
          code: 0,
        });
      } else {
        const reasonHeader = request.headers['x-audit-log-reason'];
        const changesState = method !== 'GET' && route.changesOnlyMessages !== true;
        const previousScope = this.#scope.open();
        let handled;
        try {
          handled = route.handle({
            core: this.core,
            method,
            path,
            params,
            query: new URLSearchParams(search),
            body: route.body ? parseFormBody(route.body, parsed.body) : parsed.body,
            files: parsed.files,
            headers: request.headers,
            auth,
            reason: typeof reasonHeader === 'string' ? decodeURIComponent(reasonHeader) : null,
          });
        } finally {
          held = this.#scope.close(previousScope);
          if (changesState) this.#changed();
        }
        let result;
        if (handled instanceof Promise) {
          try {
            result = await handled;
          } finally {
            if (changesState) this.#changed();
          }
        } else result = handled;
        if (result.headers) Object.assign(headers, result.headers);
        if (result.redirect !== undefined) {
          status = result.status ?? 302;
          headers['location'] = result.redirect;
        } else if (result.html !== undefined) {
          status = result.status ?? 200;
          contentType = 'text/html; charset=utf-8';
          payload = result.html;
        } else if (result.body !== undefined) {
          status = result.status ?? 200;
          payload = JSON.stringify(result.body);
        } else {
          status = result.status ?? 204;
        }
      }
    } catch (error) {
      if (error instanceof ApiError) {
        status = error.status;
        payload = JSON.stringify(error.toBody());
      } else if (error instanceof OAuthError) {
        status = error.status;
        payload = JSON.stringify({ error: error.error, error_description: error.message });
      } else {
        status = 500;
        payload = JSON.stringify({ message: `Emulator error: ${(error as Error).message}`, code: 0 });
      }
    }
    // Gateway events caused by this request reach the bot before the response does.
    if (frames.framesHeld !== framesBefore) frames.flush();
    entry.status = status;
    if (payload !== undefined) headers['content-type'] = contentType;
    response.writeHead(status, headers);
    if (held === null) response.end(payload);
    else {
      // 'close' (a tick after 'finish', once the response is handed to the OS, or when the connection died
      // first); then one more turn: a bot in this process reads the response in the next poll phase, and gateway
      // frames a woken test causes are corked until the check phase after it, so the bot has returned from its
      // REST call before they arrive.
      const wake = held;
      response.once('close', () => setImmediate(runAll, wake));
      response.end(payload);
    }
  }

  /** After a request that may have changed users, members, roles, guilds or channels. */
  #changed(): void {
    this.core.ctx.state.changed();
    this.core.threads.syncAccess();
  }

  #authenticate(header: string | undefined): RequestAuth | null {
    if (!header) return NO_AUTH;
    const space = header.indexOf(' ');
    const scheme = space > 0 ? header.slice(0, space) : '';
    const token = header.slice(space + 1);
    if (scheme === 'Bot') return token === this.core.ctx.application.botToken ? BOT_AUTH : null;
    if (scheme === 'Bearer') {
      const grant = this.core.oauth.grantForAccessToken(token);
      return grant ? { kind: 'bearer', grant } : null;
    }
    // Basic auth is only meaningful on OAuth2 token routes, which read the header themselves.
    if (scheme === 'Basic') return NO_AUTH;
    return null;
  }
}
