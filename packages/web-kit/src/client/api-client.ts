import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema.generated.js';

/** The typed client of baseline's API: `client.GET('/api/v1/guilds')`, with paths and bodies checked. */
export type ApiClient = Client<paths>;

/** Options of {@link createApiClient}. */
export interface CreateApiClientOptions {
  /** The API origin; '' is the page's own origin. */
  baseUrl: string;
  /**
   * Called on a 401 to a request sent with the current session: the session is gone, so the dashboard goes back
   * to login. A 401 to a request sent before the session changed (a check that left before the login finished)
   * says nothing about the new session and is not reported.
   */
  onUnauthenticated: () => void;
}

/** The API client, plus where the session's CSRF token is kept. */
export interface DashboardApi {
  client: ApiClient;
  baseUrl: string;
  /** Sets the token from `/auth/me` or the login callback; `undefined` after logout. */
  setCsrfToken(token: string | undefined): void;
  /** `fetch` against the API with the same cookies, CSRF header and 401 handling (for plugin routes). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Creates the dashboard's API client (openapi-fetch over the generated `paths`): cookies on every request,
 * `X-CSRF-Token` on every write (the API's CSRF rule), and `onUnauthenticated` on a 401.
 */
export function createApiClient(options: CreateApiClientOptions): DashboardApi {
  let csrfToken: string | undefined;
  // Each session (a new CSRF token, or none) starts a new epoch; a request remembers the epoch it was sent in.
  let epoch = 0;
  const sentIn = new WeakMap<Request, number>();
  const decorate = (request: Request): Request => {
    if (!SAFE_METHODS.has(request.method.toUpperCase()) && csrfToken !== undefined) request.headers.set('X-CSRF-Token', csrfToken);
    sentIn.set(request, epoch);
    return request;
  };
  const watch = (request: Request, response: Response): Response => {
    if (response.status === 401 && sentIn.get(request) === epoch) options.onUnauthenticated();
    return response;
  };
  const middleware: Middleware = {
    onRequest: ({ request }) => decorate(request),
    onResponse: ({ request, response }) => watch(request, response),
  };
  const client = createClient<paths>({ baseUrl: options.baseUrl, credentials: 'include' });
  client.use(middleware);
  return {
    client,
    baseUrl: options.baseUrl,
    setCsrfToken: (token) => {
      if (token !== csrfToken) epoch += 1;
      csrfToken = token;
    },
    fetch: async (path, init) => {
      const request = decorate(new Request(`${options.baseUrl}${path}`, { credentials: 'include', ...init }));
      return watch(request, await fetch(request));
    },
  };
}
