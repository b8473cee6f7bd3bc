import { useQuery, type QueryClient } from '@tanstack/react-query';
import { dataOf } from '../client/api-request-error.js';
import type { DashboardApi } from '../client/api-client.js';
import type { paths } from '../client/api-schema.generated.js';
import { useDashboard } from './dashboard-context.js';

/** The signed-in user as `/auth/me` describes them. */
export type Session = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];

export const SESSION_KEY = ['session'] as const;

/** Reads `/auth/me`: the session, or `null` when signed out (401). Keeps the CSRF token for writes. */
export async function fetchSession(api: DashboardApi): Promise<Session | null> {
  const { data, response } = await api.client.GET('/api/v1/auth/me');
  if (response.status === 401) return null;
  const session = await dataOf(Promise.resolve({ data, error: undefined, response }));
  api.setCsrfToken(session.csrf_token);
  return session;
}

/**
 * Stores a session got from the login callback (or `null` after logout), so no second `/auth/me` is needed.
 *
 * A session check still in flight is cancelled first: the shell sends one on every page, the login callback's
 * included, and that check went out without the new cookie. Answered after the login, its 401 would otherwise
 * overwrite the session and show the login card to a user who has just signed in.
 */
export async function rememberSession(queryClient: QueryClient, api: DashboardApi, session: Session | null): Promise<void> {
  await queryClient.cancelQueries({ queryKey: SESSION_KEY });
  api.setCsrfToken(session?.csrf_token);
  queryClient.setQueryData(SESSION_KEY, session);
}

/** The current session (`null` when signed out); loads once and is shared by every page. */
export function useSession() {
  const { api } = useDashboard();
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => fetchSession(api), staleTime: 5 * 60_000 });
}

/** Whether the session may open a guild's pages: an authorized user of it, or the developer team. */
export function canOpenGuild(session: Session | null | undefined, guildId: string): boolean {
  return session != null && (session.is_developer || session.guilds.some((guild) => guild.guild_id === guildId));
}
