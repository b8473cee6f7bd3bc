import { useQuery } from '@tanstack/react-query';
import { useDashboard } from '../app/dashboard-context.js';
import { usePageTitle } from '../app/layout/use-page-title.js';
import { dataOf } from '../client/api-request-error.js';
import { Badge } from '../ui/badge.js';
import { cn } from '../ui/cn.js';
import { EmptyState } from '../ui/states.js';
import { Table, Td, Th } from '../ui/table.js';
import { formatDuration, formatTime } from './format.js';
import { QueryBoundary } from './query-boundary.js';

const REFRESH_MS = 5_000;

/** `/admin/shards` (developer team): every shard, refreshed every five seconds; stale shards highlighted. */
export default function AdminShardsPage() {
  usePageTitle('Shards');
  const { api } = useDashboard();
  const shards = useQuery({ queryKey: ['shards'], queryFn: () => dataOf(api.client.GET('/api/v1/shards')), refetchInterval: REFRESH_MS });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Shards</h1>
      <p className="text-sm text-muted-foreground">
        Refreshes every {REFRESH_MS / 1000} s{shards.data?.shard_count == null ? '' : ` · ${shards.data.shard_count} shards configured`}.
      </p>
      <QueryBoundary queries={[shards]}>
        {(shardsData) =>
          shardsData.shards.length === 0 ? (
            <EmptyState title="No shard has reported yet">Shards appear here once a bot process sends its first heartbeat.</EmptyState>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>Shard</Th>
                  <Th>Status</Th>
                  <Th>Guilds</Th>
                  <Th>Latency</Th>
                  <Th>Uptime</Th>
                  <Th>Last heartbeat</Th>
                  <Th>Host</Th>
                </tr>
              </thead>
              <tbody>
                {shardsData.shards.map((shard) => (
                  <tr key={shard.shard_id} data-stale={shard.stale} className={cn(shard.stale && 'bg-destructive/10')}>
                    <Td>{shard.shard_id}</Td>
                    <Td>
                      <Badge tone={shard.stale ? 'bad' : shard.status === 'ready' ? 'good' : 'warn'}>
                        {shard.stale ? `stale (${shard.status})` : shard.status}
                      </Badge>
                    </Td>
                    <Td>{shard.guild_count}</Td>
                    <Td>{shard.latency_ms} ms</Td>
                    <Td>{formatDuration(shard.uptime_ms)}</Td>
                    <Td>{formatTime(shard.last_heartbeat_at)}</Td>
                    <Td>
                      {shard.host} · {shard.pid}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryBoundary>
    </section>
  );
}
