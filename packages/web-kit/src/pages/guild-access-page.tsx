import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useDashboard } from '../app/dashboard-context.js';
import { usePageTitle } from '../app/layout/use-page-title.js';
import { dataOf } from '../client/api-request-error.js';
import { Badge } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.js';
import { Input, Label } from '../ui/input.js';
import { Alert, EmptyState } from '../ui/states.js';
import { Table, Td, Th } from '../ui/table.js';
import { auditChanges } from './audit-diff.js';
import { formatTime } from './format.js';
import { QueryBoundary } from './query-boundary.js';

type Member = { user_id: string; username: string; global_name: string | null; nick: string | null };
const nameOf = (member: Member) => member.nick ?? member.global_name ?? member.username;

/**
 * `/guilds/$guildId/access`: who may manage the guild (the initial user cannot be revoked), granting by
 * member search, and the guild's audit log with settings changes as diffs. Three requests to render:
 * grants, audit log, and the first page of members (for names).
 */
export default function GuildAccessPage() {
  usePageTitle('Access');
  const { guildId } = useParams({ from: '/guilds/$guildId' });
  const { api } = useDashboard();
  const queryClient = useQueryClient();
  const path = { guild_id: guildId };
  const users = useQuery({
    queryKey: ['access', guildId],
    queryFn: () => dataOf(api.client.GET('/api/v1/guilds/{guild_id}/authorized-users', { params: { path } })),
  });
  const audit = useQuery({
    queryKey: ['audit', guildId],
    queryFn: () => dataOf(api.client.GET('/api/v1/guilds/{guild_id}/audit-log', { params: { path, query: { limit: 50 } } })),
  });
  const members = useQuery({
    queryKey: ['members', guildId],
    queryFn: () => dataOf(api.client.GET('/api/v1/guilds/{guild_id}/members', { params: { path, query: { limit: 100 } } })),
  });
  const names = new Map((members.data?.members ?? []).map((member) => [member.user_id, nameOf(member)]));
  const who = (id: string | null) => (id === null ? 'the bot' : (names.get(id) ?? id));
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['access', guildId] }), queryClient.invalidateQueries({ queryKey: ['audit', guildId] })]);
  const revoke = useMutation({
    mutationFn: (userId: string) =>
      dataOf(api.client.DELETE('/api/v1/guilds/{guild_id}/authorized-users/{user_id}', { params: { path: { guild_id: guildId, user_id: userId } } })),
    onSettled: refresh,
  });

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Access</h1>
      <QueryBoundary queries={[users, audit]}>
        {(usersData, auditData) => (
          <>
            <Card>
              <CardHeader>
                <CardTitle>Authorized users</CardTitle>
              </CardHeader>
              <CardContent className="space-y-3">
                <Table>
                  <thead>
                    <tr>
                      <Th>User</Th>
                      <Th>Granted</Th>
                      <Th>
                        <span className="sr-only">Actions</span>
                      </Th>
                    </tr>
                  </thead>
                  <tbody>
                    {usersData.users.map((user) => (
                      <tr key={user.user_id} data-user-id={user.user_id}>
                        <Td>
                          {who(user.user_id)} {user.is_initial ? <Badge>added the bot</Badge> : null}
                        </Td>
                        <Td>
                          {formatTime(user.granted_at)}
                          {user.granted_by_user_id === null ? '' : ` by ${who(user.granted_by_user_id)}`}
                        </Td>
                        <Td className="text-right">
                          {user.is_initial ? (
                            <span className="text-xs text-muted-foreground">not revocable</span>
                          ) : (
                            <Button size="sm" variant="destructive" disabled={revoke.isPending} onClick={() => revoke.mutate(user.user_id)}>
                              Revoke {who(user.user_id)}
                            </Button>
                          )}
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
                {revoke.error ? (
                  <Alert tone="error" title="Revoking failed">
                    {revoke.error.message}
                  </Alert>
                ) : null}
                <GrantForm guildId={guildId} onGranted={refresh} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Audit log</CardTitle>
              </CardHeader>
              <CardContent>
                {auditData.entries.length === 0 ? (
                  <EmptyState title="Nothing changed yet" />
                ) : (
                  <ol className="space-y-3" aria-label="Audit log">
                    {auditData.entries.map((entry) => (
                      <li key={entry.id} className="rounded-md border border-border p-3 text-sm" data-action={entry.action}>
                        <p>
                          <span className="font-medium">{who(entry.actor_user_id)}</span> · <code>{entry.action}</code>
                          {entry.target === null ? '' : ` · ${who(entry.target)}`} · <time dateTime={entry.created_at}>{formatTime(entry.created_at)}</time>
                        </p>
                        {entry.action.startsWith('settings.') ? (
                          <ul className="mt-1 space-y-0.5 font-mono text-xs">
                            {auditChanges(entry.before, entry.after).map((change) => (
                              <li key={change.path}>
                                {change.path}: {JSON.stringify(change.before) ?? '—'} → {JSON.stringify(change.after) ?? '—'}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                )}
              </CardContent>
            </Card>
          </>
        )}
      </QueryBoundary>
    </section>
  );
}

/** Grant by member search: type a name prefix, pick the member. */
function GrantForm({ guildId, onGranted }: { guildId: string; onGranted: () => Promise<unknown> }) {
  const { api } = useDashboard();
  const [query, setQuery] = useState('');
  const search = useQuery({
    queryKey: ['member-search', guildId, query],
    queryFn: () => dataOf(api.client.GET('/api/v1/guilds/{guild_id}/members', { params: { path: { guild_id: guildId }, query: { query, limit: 10 } } })),
    enabled: query.trim().length > 0,
  });
  const grant = useMutation({
    mutationFn: (userId: string) =>
      dataOf(api.client.POST('/api/v1/guilds/{guild_id}/authorized-users', { params: { path: { guild_id: guildId } }, body: { user_id: userId } })),
    onSuccess: async () => {
      setQuery('');
      await onGranted();
    },
  });
  return (
    <div className="space-y-2">
      <Label htmlFor="member-search">Grant access to a member</Label>
      <Input id="member-search" placeholder="Search members by name" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
      {search.data && query.trim() ? (
        search.data.members.length === 0 ? (
          <p className="text-sm text-muted-foreground">No member matches “{query}”.</p>
        ) : (
          <ul className="space-y-1" aria-label="Matching members">
            {search.data.members.map((member) => (
              <li key={member.user_id} className="flex items-center justify-between gap-2">
                <span>
                  {nameOf(member)} <span className="text-xs text-muted-foreground">@{member.username}</span>
                </span>
                <Button size="sm" disabled={grant.isPending} onClick={() => grant.mutate(member.user_id)}>
                  Grant {member.username}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {grant.error ? (
        <Alert tone="error" title="Granting failed">
          {grant.error.message}
        </Alert>
      ) : null}
    </div>
  );
}
