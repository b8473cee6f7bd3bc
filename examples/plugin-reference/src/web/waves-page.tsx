import { useQuery } from '@tanstack/react-query';
import { ApiRequestError, Card, CardContent, CardHeader, CardTitle, EmptyState, Loading, Alert, Table, Td, Th, useDashboard } from '@baseline/web-kit';
import { useParams } from '@tanstack/react-router';

interface WavesAnswer {
  waves: Array<{ id: number; user_id: string; waved_at: string }>;
  total: number;
}

/** `/guilds/$guildId/reference`: the guild's latest waves, read through the plugin's own API route. */
export default function WavesPage() {
  const { guildId } = useParams({ strict: false }) as { guildId: string };
  const { api } = useDashboard();
  const waves = useQuery({
    queryKey: ['reference', 'waves', guildId],
    queryFn: async (): Promise<WavesAnswer> => {
      const response = await api.fetch(`/api/v1/plugins/reference/guilds/${guildId}/waves`);
      const body: unknown = await response.json();
      if (!response.ok) throw new ApiRequestError(response.status, body);
      return body as WavesAnswer;
    },
  });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Waves</h1>
      <Card>
        <CardHeader>
          <CardTitle>Latest waves{waves.data ? ` (${waves.data.total} in all)` : ''}</CardTitle>
        </CardHeader>
        <CardContent>
          {waves.isPending ? <Loading /> : null}
          {waves.error ? (
            <Alert tone="error" title="Could not load the waves">
              {waves.error.message}
            </Alert>
          ) : null}
          {waves.data && waves.data.waves.length === 0 ? (
            <EmptyState title="Nobody waved yet">Run /hello in the guild and press “Wave back”.</EmptyState>
          ) : null}
          {waves.data && waves.data.waves.length > 0 ? (
            <Table>
              <thead>
                <tr>
                  <Th>User</Th>
                  <Th>When</Th>
                </tr>
              </thead>
              <tbody>
                {waves.data.waves.map((wave) => (
                  <tr key={wave.id}>
                    <Td>{wave.user_id}</Td>
                    <Td>{new Date(wave.waved_at).toLocaleString()}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
        </CardContent>
      </Card>
    </section>
  );
}
