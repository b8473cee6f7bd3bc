import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { renderDashboard } from '../support/render-dashboard.js';
import { answer, apiError, developerSession, sentLines, session, signIn, type TaskStatus } from '../support/fake-api.js';

const task = (overrides: Partial<TaskStatus>): TaskStatus => ({
  id: 'reference:waves:digest',
  plugin_id: 'reference',
  cog: 'waves',
  task: 'digest',
  kind: 'cron',
  cron: '0 9 * * *',
  time_zone: 'Europe/Paris',
  every_ms: null,
  guild_id: null,
  backend: 'bullmq',
  next_run_at: '2026-12-06T08:00:00.000Z',
  last_run_at: '2026-12-05T08:00:00.000Z',
  last_result: 'ok',
  last_error: null,
  last_correlation_id: 'c-1',
  runs: 12,
  failures: 0,
  ...overrides,
});

const rowOf = (text: string) => page.getByRole('row').filter({ hasText: text });
/** The cell reading exactly `text` in the row of `task`. */
const cell = (task: string, text: string) => rowOf(task).getByRole('cell', { name: text, exact: true });

describe('the scheduled tasks page (/admin/tasks)', () => {
  it('GIVEN cron, interval and one-off tasks THEN each row shows its schedule, guild, result and run counts, read from /tasks', async () => {
    signIn(developerSession());
    answer('get', '/api/v1/tasks', () => ({
      tasks: [
        task({}),
        task({
          id: 'app:cleanup:sweep',
          plugin_id: null,
          cog: 'cleanup',
          task: 'sweep',
          kind: 'interval',
          cron: null,
          time_zone: null,
          every_ms: 3_900_000,
          guild_id: '300000000000000001',
          last_result: 'failed',
          last_error: 'redis went away',
          runs: 7,
          failures: 2,
        }),
        task({
          id: 'reference:waves:remind',
          task: 'remind',
          kind: 'one-off',
          cron: null,
          time_zone: null,
          next_run_at: null,
          last_run_at: null,
          last_result: null,
          runs: 0,
        }),
        task({ id: 'reference:waves:retry', task: 'retry', kind: 'interval', cron: null, every_ms: 185_000, last_result: 'retrying', runs: 3, failures: 1 }),
      ],
    }));
    renderDashboard('/admin/tasks');

    await expect.element(page.getByRole('heading', { level: 1, name: 'Scheduled tasks' })).toBeVisible();
    await expect.element(cell('reference · waves · digest', '0 9 * * * (Europe/Paris)')).toBeVisible();
    await expect.element(cell('reference · waves · digest', '12 / 0')).toBeVisible();
    await expect.element(rowOf('reference · waves · digest').getByText('ok')).toBeVisible();
    // An app task (no plugin) on an interval, for one guild, whose last run failed: the error shows beside it.
    await expect.element(cell('app · cleanup · sweep', 'every 1h 05m')).toBeVisible();
    await expect.element(cell('app · cleanup · sweep', '300000000000000001')).toBeVisible();
    await expect.element(rowOf('app · cleanup · sweep').getByText('failed', { exact: true })).toBeVisible();
    await expect.element(rowOf('app · cleanup · sweep').getByText('redis went away')).toBeVisible();
    await expect.element(cell('app · cleanup · sweep', '7 / 2')).toBeVisible();
    await expect.element(cell('reference · waves · remind', 'one-off')).toBeVisible();
    await expect.element(cell('reference · waves · remind', 'all')).toBeVisible();
    await expect.element(cell('reference · waves · retry', 'every 3m 05s')).toBeVisible();
    await expect.element(rowOf('reference · waves · retry').getByText('retrying', { exact: true })).toBeVisible();
    expect(page.getByText('Tasks run in process').query()).toBeNull();
    expect(sentLines()).toEqual(['GET /api/v1/auth/me', 'GET /api/v1/tasks']);
  });

  it('GIVEN tasks on the in-process backend THEN the page warns that every process runs every task', async () => {
    signIn(developerSession());
    answer('get', '/api/v1/tasks', () => ({ tasks: [task({ backend: 'in-process' })] }));
    renderDashboard('/admin/tasks');
    await expect.element(page.getByText('Tasks run in process')).toBeVisible();
    await expect.element(page.getByText(/every process runs every task/)).toBeVisible();
  });

  it('GIVEN no task THEN the empty state explains where tasks come from', async () => {
    signIn(developerSession());
    answer('get', '/api/v1/tasks', () => ({ tasks: [] }));
    renderDashboard('/admin/tasks');
    await expect.element(page.getByText('No scheduled task')).toBeVisible();
  });

  it('GIVEN the tasks request fails THEN the API message shows in place of the table', async () => {
    signIn(developerSession());
    answer('get', '/api/v1/tasks', () => apiError(503, 'BL_ERR_API_UNAVAILABLE', 'Redis is unreachable'));
    renderDashboard('/admin/tasks');
    await expect.element(page.getByRole('alert')).toHaveTextContent('Could not load this pageRedis is unreachable');
  });

  it('GIVEN a guild admin outside the developer team THEN "No access" shows AND the tasks are never requested', async () => {
    signIn(session());
    renderDashboard('/admin/tasks');
    await expect.element(page.getByRole('heading', { name: 'No access' })).toBeVisible();
    expect(sentLines()).toEqual(['GET /api/v1/auth/me']);
  });
});
