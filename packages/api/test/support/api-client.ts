import type { DiscordEmulator } from '@baseline/testing';
import type { BaselineApi } from '../../src/index.js';
import { CookieJar } from './cookie-jar.js';

// Tests read response bodies loosely on purpose; the routes' own schemas are tested through OpenAPI and status codes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

type Transport = (request: { method: string; url: string; headers: Record<string, string>; payload?: string }) => Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}>;

/**
 * A test client holding one user's cookies. It sends the CSRF token it learned on every write unless told not
 * to. Works over `app.inject()` or over real HTTP.
 */
export class ApiClient {
  readonly jar = new CookieJar();
  csrfToken: string | undefined;
  /** OAuth codes and states this client used: secrets that must never reach a log. */
  readonly oauthSecrets: string[] = [];

  private constructor(private readonly transport: Transport) {}

  /** @param remoteAddress - the client IP the API sees (per-IP rate limits) */
  static inject(app: BaselineApi, remoteAddress = '127.0.0.1'): ApiClient {
    return new ApiClient(async ({ method, url, headers, payload }) => {
      const response = await app.inject({ method: method as 'GET', url, headers, remoteAddress, ...(payload === undefined ? {} : { payload }) });
      return { status: response.statusCode, headers: response.headers as Record<string, string | string[] | undefined>, text: response.body };
    });
  }

  static http(baseUrl: string): ApiClient {
    return new ApiClient(async ({ method, url, headers, payload }) => {
      const response = await fetch(`${baseUrl}${url}`, { method, headers, body: payload ?? null, redirect: 'manual' });
      const out: Record<string, string | string[] | undefined> = {};
      response.headers.forEach((value, key) => (out[key] = value));
      out['set-cookie'] = response.headers.getSetCookie();
      return { status: response.status, headers: out, text: await response.text() };
    });
  }

  /** Another client sharing this one's cookies (same browser) on another transport. */
  withCookiesOf(other: ApiClient): this {
    for (const [name, value] of other.jar.cookies) this.jar.cookies.set(name, value);
    this.csrfToken = other.csrfToken;
    return this;
  }

  /** `rawBody` is sent as is with `content-type: application/json` (malformed or hostile JSON); `body` is encoded. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async request<T = any>(
    method: string,
    url: string,
    options: { body?: unknown; rawBody?: string; csrf?: boolean | string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const cookie = this.jar.header();
    if (cookie) headers.cookie = cookie;
    if (method !== 'GET' && options.csrf !== false) {
      const token = typeof options.csrf === 'string' ? options.csrf : this.csrfToken;
      if (token) headers['x-csrf-token'] = token;
    }
    let payload: string | undefined;
    if (options.body !== undefined || options.rawBody !== undefined) {
      headers['content-type'] = 'application/json';
      payload = options.rawBody ?? JSON.stringify(options.body);
    }
    const response = await this.transport({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
    this.jar.store(response.headers['set-cookie']);
    let body: unknown;
    try {
      body = response.text === '' ? undefined : JSON.parse(response.text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, body: body as T, text: response.text };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get = <T = any>(url: string) => this.request<T>('GET', url);

  /** The authorize step a browser would do: the emulator approves as `userId` and redirects with a code. */
  static async authorize(emulator: DiscordEmulator, authorizeUrl: string, userId: string): Promise<{ code: string; state: string }> {
    const url = new URL(authorizeUrl);
    if (!url.href.startsWith(emulator.url)) throw new Error(`authorize URL ${url.href} does not point at the emulator`);
    url.searchParams.set('user_id', userId);
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    return { code: location.searchParams.get('code')!, state: location.searchParams.get('state')! };
  }

  /** The whole login: authorize URL → emulator approval → callback; keeps the session cookie and CSRF token. */
  async login(emulator: DiscordEmulator, userId: string): Promise<ApiResponse> {
    const start = await this.get<{ url: string }>('/api/v1/auth/discord/url');
    if (start.status !== 200) throw new Error(`auth url answered ${start.status}: ${start.text}`);
    const { code, state } = await ApiClient.authorize(emulator, start.body.url, userId);
    this.oauthSecrets.push(code, state);
    const done = await this.request('POST', '/api/v1/auth/discord/callback', { body: { code, state } });
    if (done.status !== 200) throw new Error(`callback answered ${done.status}: ${done.text}`);
    this.csrfToken = done.body.csrf_token;
    return done;
  }
}
