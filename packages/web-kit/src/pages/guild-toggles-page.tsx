import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useDashboard } from '../app/dashboard-context.js';
import { usePageTitle } from '../app/layout/use-page-title.js';
import { dataOf } from '../client/api-request-error.js';
import type { components } from '../client/api-schema.generated.js';
import { Badge } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.js';
import { Alert, EmptyState } from '../ui/states.js';
import { Table, Td, Th } from '../ui/table.js';
import { QueryBoundary } from './query-boundary.js';

type CommandPermissionsOutcome = components['schemas']['CommandPermissionsOutcome'];

interface ToggleChange {
  plugin_id: string;
  command?: string;
  enabled: boolean | null;
}

/** One toggle's state and its buttons: switch it, or return to the plugin's default. */
function ToggleControls({
  state,
  label,
  onChange,
  busy,
}: {
  state: { enabled: boolean; default: boolean; overridden: boolean };
  label: string;
  onChange: (enabled: boolean | null) => void;
  busy: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Badge tone={state.enabled ? 'good' : 'bad'}>{state.enabled ? 'enabled' : 'disabled'}</Badge>
      <span className="text-xs text-muted-foreground">{state.overridden ? 'set for this guild' : 'plugin default'}</span>
      <Button
        size="sm"
        variant="outline"
        disabled={busy}
        onClick={() => onChange(!state.enabled)}
        aria-label={`${state.enabled ? 'Disable' : 'Enable'} ${label}`}
      >
        {state.enabled ? 'Disable' : 'Enable'}
      </Button>
      {state.overridden ? (
        <Button size="sm" variant="outline" disabled={busy} onClick={() => onChange(null)} aria-label={`Reset ${label} to its default`}>
          Reset
        </Button>
      ) : null}
    </div>
  );
}

/**
 * `/guilds/$guildId/toggles`: enable or disable each plugin, or one of its commands, in this guild. A disabled
 * command answers members with an ephemeral "disabled here"; every change is audited. The API also hides it from
 * members in Discord when the signed-in user's grant allows; when that did not happen, the last change's answer says
 * why (`command_permissions`), and the page shows it.
 */
export default function GuildTogglesPage() {
  usePageTitle('Plugins & commands');
  const { guildId } = useParams({ from: '/guilds/$guildId' });
  const { api } = useDashboard();
  const queryClient = useQueryClient();
  const path = { guild_id: guildId };
  const toggles = useQuery({
    queryKey: ['toggles', guildId],
    queryFn: () => dataOf(api.client.GET('/api/v1/guilds/{guild_id}/toggles', { params: { path } })),
  });
  const [visibility, setVisibility] = useState<CommandPermissionsOutcome | null>(null);
  const change = useMutation({
    mutationFn: (body: ToggleChange) => dataOf(api.client.PUT('/api/v1/guilds/{guild_id}/toggles', { params: { path }, body })),
    onSuccess: ({ command_permissions, ...data }) => {
      queryClient.setQueryData(['toggles', guildId], data);
      setVisibility(command_permissions);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['audit', guildId] }),
  });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Plugins &amp; commands</h1>
      {visibility?.status === 'not_synced' ? (
        <Alert title="The change applies, but the command is still listed in Discord">
          {visibility.message} <span className="text-xs text-muted-foreground">({visibility.code})</span>
        </Alert>
      ) : null}
      <QueryBoundary queries={[toggles]}>
        {(togglesData) =>
          togglesData.plugins.length === 0 ? (
            <EmptyState title="No plugin installed">Install a plugin to switch it on or off per guild.</EmptyState>
          ) : (
            <>
              {togglesData.plugins.map((plugin) => (
                <Card key={plugin.plugin_id}>
                  <CardHeader>
                    <CardTitle>{plugin.plugin_id}</CardTitle>
                  </CardHeader>
                  <CardContent className="space-y-3">
                    <ToggleControls
                      state={plugin}
                      label={`plugin ${plugin.plugin_id}`}
                      busy={change.isPending}
                      onChange={(enabled) => change.mutate({ plugin_id: plugin.plugin_id, enabled })}
                    />
                    {Object.keys(plugin.commands).length === 0 ? null : (
                      <Table>
                        <thead>
                          <tr>
                            <Th>Command</Th>
                            <Th>State</Th>
                          </tr>
                        </thead>
                        <tbody>
                          {Object.entries(plugin.commands).map(([name, state]) => (
                            <tr key={name}>
                              <Td>/{name}</Td>
                              <Td>
                                <ToggleControls
                                  state={state}
                                  label={`/${name}`}
                                  busy={change.isPending}
                                  onChange={(enabled) => change.mutate({ plugin_id: plugin.plugin_id, command: name, enabled })}
                                />
                              </Td>
                            </tr>
                          ))}
                        </tbody>
                      </Table>
                    )}
                  </CardContent>
                </Card>
              ))}
            </>
          )
        }
      </QueryBoundary>
    </section>
  );
}
