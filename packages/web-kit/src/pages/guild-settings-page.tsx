import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useRef } from 'react';
import { useDashboard } from '../app/dashboard-context.js';
import { usePageTitle } from '../app/layout/use-page-title.js';
import { ApiRequestError, dataOf } from '../client/api-request-error.js';
import type { DashboardApi } from '../client/api-client.js';
import { SettingsForms, type SaveOutcome } from '../settings/index.js';
import { EmptyState } from '../ui/states.js';
import { QueryBoundary } from './query-boundary.js';

type Values = Record<string, Record<string, unknown>>;

/** The guild's settings and the `ETag` of the version read, which every save sends back as `If-Match`. */
async function readSettings(api: DashboardApi, guildId: string): Promise<{ values: Values; etag: string | null }> {
  const { data, error, response } = await api.client.GET('/api/v1/guilds/{guild_id}/settings', { params: { path: { guild_id: guildId } } });
  if (!response.ok) throw new ApiRequestError(response.status, error);
  return { values: data!.settings as Values, etag: response.headers.get('etag') };
}

/** Maps the API's answer to a save to what the form shows: field errors (422), "changed by X" (412), or a message. */
export function saveOutcomeOf(status: number, body: unknown): SaveOutcome {
  const error = new ApiRequestError(status, body);
  if (status === 422) return { ok: false, kind: 'invalid', fields: error.fields };
  if (status === 412) {
    const changedBy = error.body['changed_by'] as { user_id?: string; username?: string | null; at?: string } | undefined;
    return { ok: false, kind: 'conflict', changedBy: changedBy?.username ?? changedBy?.user_id ?? null, changedAt: changedBy?.at ?? null };
  }
  return { ok: false, kind: 'error', message: error.message };
}

/**
 * `/guilds/$guildId/settings`: one generated form per plugin namespace. Three requests to render (schema,
 * settings with their ETag, the guild's channels and roles); each save is all-or-nothing and conditional on the
 * version read, so a save over someone else's newer one is refused instead of overwriting it.
 */
export default function GuildSettingsPage() {
  usePageTitle('Settings');
  const { guildId } = useParams({ from: '/guilds/$guildId' });
  const { api } = useDashboard();
  const schema = useQuery({ queryKey: ['settings-schema'], queryFn: () => dataOf(api.client.GET('/api/v1/settings/schema')), staleTime: 5 * 60_000 });
  const settings = useQuery({ queryKey: ['settings', guildId], queryFn: () => readSettings(api, guildId), staleTime: Infinity, refetchOnWindowFocus: false });
  const discord = useQuery({
    queryKey: ['discord', guildId],
    queryFn: () => dataOf(api.client.GET('/api/v1/guilds/{guild_id}/discord', { params: { path: { guild_id: guildId } } })),
    staleTime: 60_000,
  });
  // The version this tab last read or wrote; a save sends it and keeps the one the API answers with.
  const etag = useRef<string | null>(null);
  if (etag.current === null && settings.data) etag.current = settings.data.etag;

  async function onSave(namespace: string, value: Record<string, unknown>): Promise<SaveOutcome> {
    try {
      const { error, response } = await api.client.PUT('/api/v1/guilds/{guild_id}/settings', {
        params: { path: { guild_id: guildId } },
        body: { [namespace]: value },
        headers: etag.current === null ? {} : { 'If-Match': etag.current },
      });
      if (!response.ok) return saveOutcomeOf(response.status, error);
      etag.current = response.headers.get('etag');
      return { ok: true };
    } catch (failure) {
      return { ok: false, kind: 'error', message: failure instanceof Error ? failure.message : String(failure) };
    }
  }

  async function searchMembers(query: string) {
    const { members } = await dataOf(
      api.client.GET('/api/v1/guilds/{guild_id}/members', { params: { path: { guild_id: guildId }, query: { query, limit: 10 } } }),
    );
    return members.map((member) => ({ id: member.user_id, username: member.username, display_name: member.nick ?? member.global_name }));
  }

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <QueryBoundary queries={[schema, settings, discord]}>
        {(_schema, settingsData, discordData) =>
          Object.keys(settingsData.values).length === 0 ? (
            <EmptyState title="No plugin has settings">Plugins declare settings with defineSettings(); their forms appear here.</EmptyState>
          ) : (
            <SettingsForms
              schema={schema.data as Record<string, unknown>}
              values={settingsData.values}
              discord={{ ...discordData, searchMembers }}
              onSave={onSave}
            />
          )
        }
      </QueryBoundary>
    </section>
  );
}
