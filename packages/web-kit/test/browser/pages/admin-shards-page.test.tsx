import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { renderDashboard } from '../support/render-dashboard.js';
import { answer, developerSession, signIn } from '../support/fake-api.js';

const shard = (shard_id: number, extra: { stale?: boolean; status?: string } = {}) => ({
  shard_id,
  status: extra.status ?? 'ready',
  stale: extra.stale ?? false,
  guild_ids: ['300000000000000001'],
  guild_count: 1,
  latency_ms: 40 + shard_id,
  uptime_ms: 65_000,
  last_heartbeat_at: '2026-12-05T10:00:00.000Z',
  host: 'bot-1',
  pid: 4242,
});

describe('the shards page (/admin/shards)', () => {
  it('GIVEN a ready shard, a reconnecting one and a stale one THEN each row says so AND the configured count shows', async () => {
    signIn(developerSession());
    answer('get', '/api/v1/shards', () => ({ shard_count: 3, shards: [shard(0), shard(1, { status: 'reconnecting' }), shard(2, { stale: true })] }));
    renderDashboard('/admin/shards');
    await expect.element(page.getByText('Refreshes every 5 s · 3 shards configured.')).toBeVisible();
    await expect.element(page.getByRole('cell', { name: 'stale (ready)' })).toBeVisible();
    await expect.element(page.getByRole('cell', { name: 'reconnecting' })).toBeVisible();
    await expect.element(page.getByRole('cell', { name: '1m 05s' }).first()).toBeVisible();
    expect(document.querySelectorAll('tr[data-stale="true"]')).toHaveLength(1);
  });

  it('GIVEN no shard reported THEN the empty state shows', async () => {
    signIn(developerSession());
    answer('get', '/api/v1/shards', () => ({ shard_count: null, shards: [] }));
    renderDashboard('/admin/shards');
    await expect.element(page.getByText('No shard has reported yet')).toBeVisible();
  });
});
