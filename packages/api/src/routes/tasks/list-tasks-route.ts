import { readTaskStatuses } from '@baseline/core';
import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';

const epochToIso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export const taskStatusSchema = z
  .object({
    id: z.string().describe('`<cog>:<task>`, or `<cog>:<task>:<guild_id>` for a per-guild schedule'),
    plugin_id: z.string().nullable(),
    cog: z.string(),
    task: z.string(),
    kind: z.enum(['cron', 'interval', 'one-off']),
    cron: z.string().nullable(),
    time_zone: z.string().nullable(),
    every_ms: z.number().int().nullable(),
    guild_id: z.string().nullable(),
    backend: z.enum(['bullmq', 'in-process']).describe('`in-process` means no Redis: every bot process runs every task'),
    next_run_at: z.string().nullable(),
    last_run_at: z.string().nullable(),
    last_result: z.enum(['ok', 'retrying', 'failed']).nullable(),
    last_error: z.string().nullable(),
    last_correlation_id: z.string().nullable().describe('Find the last run’s log lines by this id'),
    runs: z.number().int(),
    failures: z.number().int().describe('Runs that failed after their last attempt'),
  })
  .meta({ id: 'TaskStatus' });

export const listTasksRoute = defineRoute({
  method: 'GET',
  url: '/tasks',
  summary: 'Scheduled tasks of the deployment: next run, last result, failures',
  tags: ['tasks'],
  access: 'developer',
  responses: { 200: z.object({ tasks: z.array(taskStatusSchema) }) },
  async handler({ api }) {
    const statuses = await readTaskStatuses(api.services.kv);
    return {
      tasks: statuses.map((status) => ({
        id: status.id,
        plugin_id: status.pluginId,
        cog: status.cog,
        task: status.task,
        kind: status.kind,
        cron: status.cron ?? null,
        time_zone: status.timeZone ?? null,
        every_ms: status.everyMs ?? null,
        guild_id: status.guildId ?? null,
        backend: status.backend,
        next_run_at: epochToIso(status.nextRunAt),
        last_run_at: epochToIso(status.lastRunAt),
        last_result: status.lastResult ?? null,
        last_error: status.lastError ?? null,
        last_correlation_id: status.lastCorrelationId ?? null,
        runs: status.runs,
        failures: status.failures,
      })),
    };
  },
});
