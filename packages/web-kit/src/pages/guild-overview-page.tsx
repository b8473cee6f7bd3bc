import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useDashboard } from '../app/dashboard-context.js';
import { usePageTitle } from '../app/layout/use-page-title.js';
import { dataOf } from '../client/api-request-error.js';
import { Badge } from '../ui/badge.js';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.js';
import { formatDuration, formatTime } from './format.js';
import { QueryBoundary } from './query-boundary.js';

/** `/guilds/$guildId`: the bot's presence, the guild's shard health, and links to every page of the guild. */
export function GuildOverviewPage() {
  const { guildId } = useParams({ from: '/guilds/$guildId' });
  const { api, plugins } = useDashboard();
  const path = { params: { path: { guild_id: guildId } } };
  const guild = useQuery({ queryKey: ['guild', guildId], queryFn: () => dataOf(api.client.GET('/api/v1/guilds/{guild_id}', path)) });
  const shard = useQuery({
    queryKey: ['guild-shard', guildId],
    queryFn: () => dataOf(api.client.GET('/api/v1/shards/{guild_id}', path)),
    refetchInterval: 15_000,
  });
  usePageTitle(guild.data?.name ?? 'Guild');
  const pages = [
    { label: 'Settings', to: '/guilds/$guildId/settings' },
    { label: 'Access', to: '/guilds/$guildId/access' },
    ...plugins.flatMap(({ plugin }) => plugin.navItems.filter((item) => item.to.startsWith('/guilds/'))),
  ];
  return (
    <QueryBoundary queries={[guild, shard]}>
      {(guildData, shardData) => {
        const info = shardData.shard;
        return (
          <section className="space-y-4">
            <h1 className="text-2xl font-semibold">{guildData.name}</h1>
            <div className="grid gap-4 md:grid-cols-2">
              <Card>
                <CardHeader>
                  <CardTitle>Bot</CardTitle>
                </CardHeader>
                <CardContent className="space-y-1 text-sm">
                  <p>
                    Presence: <Badge tone={guildData.is_active ? 'good' : 'bad'}>{guildData.is_active ? 'in the guild' : 'left the guild'}</Badge>
                  </p>
                  <p>Added: {formatTime(guildData.added_at)}</p>
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Shard</CardTitle>
                </CardHeader>
                <CardContent className="space-y-1 text-sm">
                  {info === null ? (
                    <p>No shard has reported this guild yet.</p>
                  ) : (
                    <>
                      <p>
                        Shard {info.shard_id}:{' '}
                        <Badge tone={info.stale ? 'bad' : info.status === 'ready' ? 'good' : 'warn'}>{info.stale ? 'stale' : info.status}</Badge>
                      </p>
                      <p>
                        Latency: {info.latency_ms} ms · uptime {formatDuration(info.uptime_ms)}
                      </p>
                      <p>Last heartbeat: {formatTime(info.last_heartbeat_at)}</p>
                    </>
                  )}
                </CardContent>
              </Card>
            </div>
            <Card>
              <CardHeader>
                <CardTitle>Pages</CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="flex flex-wrap gap-2">
                  {pages.map((page) => (
                    <li key={page.to}>
                      <Link className="inline-block rounded-md border border-border px-3 py-2 text-sm hover:bg-muted" to={page.to} params={{ guildId }}>
                        {page.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          </section>
        );
      }}
    </QueryBoundary>
  );
}
