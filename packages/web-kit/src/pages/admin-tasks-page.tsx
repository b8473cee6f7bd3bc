import { useQuery } from '@tanstack/react-query';
import { useDashboard } from '../app/dashboard-context.js';
import { usePageTitle } from '../app/layout/use-page-title.js';
import { dataOf } from '../client/api-request-error.js';
import { Badge } from '../ui/badge.js';
import { Alert, EmptyState } from '../ui/states.js';
import { Table, Td, Th } from '../ui/table.js';
import { formatDuration, formatTime } from './format.js';
import { QueryBoundary } from './query-boundary.js';

const REFRESH_MS = 5_000;

/** `/admin/tasks` (developer team): every scheduled task with its next run, last result and failures. */
export default function AdminTasksPage() {
  usePageTitle('Tasks');
  const { api } = useDashboard();
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: () => dataOf(api.client.GET('/api/v1/tasks')), refetchInterval: REFRESH_MS });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Scheduled tasks</h1>
      <QueryBoundary queries={[tasks]}>
        {(tasksData) => {
          const list = tasksData.tasks;
          if (list.length === 0) return <EmptyState title="No scheduled task">Tasks appear here once a bot process loads a cog that declares them.</EmptyState>;
          return (
            <>
              {list.some((task) => task.backend === 'in-process') ? (
                <Alert title="Tasks run in process">
                  Without Redis, tasks run inside each bot process: every process runs every task and one-off jobs are lost on restart.
                </Alert>
              ) : null}
              <Table>
                <thead>
                  <tr>
                    <Th>Task</Th>
                    <Th>Schedule</Th>
                    <Th>Guild</Th>
                    <Th>Next run</Th>
                    <Th>Last run</Th>
                    <Th>Result</Th>
                    <Th>Runs / failures</Th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((task) => (
                    <tr key={task.id} data-result={task.last_result ?? 'none'}>
                      <Td>
                        {task.plugin_id ?? 'app'} · {task.cog} · {task.task}
                      </Td>
                      <Td>
                        {task.kind === 'cron'
                          ? `${task.cron} (${task.time_zone})`
                          : task.kind === 'interval'
                            ? `every ${formatDuration(task.every_ms!)}`
                            : 'one-off'}
                      </Td>
                      <Td>{task.guild_id ?? 'all'}</Td>
                      <Td>{formatTime(task.next_run_at)}</Td>
                      <Td>{formatTime(task.last_run_at)}</Td>
                      <Td>
                        {task.last_result === null ? (
                          '—'
                        ) : (
                          <span title={task.last_error ?? undefined}>
                            <Badge tone={task.last_result === 'ok' ? 'good' : task.last_result === 'failed' ? 'bad' : 'warn'}>{task.last_result}</Badge>
                            {task.last_error === null ? null : <span className="ml-2 text-xs text-muted-foreground">{task.last_error}</span>}
                          </span>
                        )}
                      </Td>
                      <Td>
                        {task.runs} / {task.failures}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          );
        }}
      </QueryBoundary>
    </section>
  );
}
