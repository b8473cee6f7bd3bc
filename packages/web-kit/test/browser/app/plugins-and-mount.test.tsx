import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { useEffect, useState } from 'react';
import { mountDashboard, useDashboard } from '../../../src/index.js';
import { defineWebPlugin } from '../../../src/plugins/define-web-plugin.js';
import { registerWebPlugins } from '../../../src/plugins/plugin-entries.js';
import { renderDashboard } from '../support/render-dashboard.js';
import { answer, apiError, DEMO_GUILD, developerSession, sent, session, signIn, worker } from '../support/fake-api.js';

/** A plugin page as plugins write them: it reads its own route through the dashboard's `api.fetch`. */
function WavesPage() {
  const { api } = useDashboard();
  const [waves, setWaves] = useState<string[] | null>(null);
  useEffect(() => {
    void api
      .fetch(`/api/v1/plugins/reference/guilds/${DEMO_GUILD}/waves`)
      .then(async (response) => setWaves(((await response.json()) as { waves: string[] }).waves));
  }, [api]);
  return <p>{waves === null ? 'Loading waves' : waves.length === 0 ? 'Nobody waved yet' : waves.join(', ')}</p>;
}

function BrokenPage(): never {
  throw new Error('the waves table is missing');
}

const reference = defineWebPlugin({
  id: 'reference',
  routes: [
    { path: '/guilds/$guildId/waves', title: 'Waves', load: async () => ({ default: WavesPage }) },
    { path: '/admin/waves-report', title: 'Waves report', load: async () => ({ default: BrokenPage }) },
  ],
  navItems: [
    { label: 'Waves', to: '/guilds/$guildId/waves' },
    { label: 'Waves report', to: '/admin/waves-report' },
  ],
});

describe('plugin pages in the dashboard', () => {
  it('GIVEN one good web entry, one that fails to load and one without defineWebPlugin THEN only the good one registers AND the others are reported by package name', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const registered = await registerWebPlugins([
      { packageName: 'reference-plugin', load: async () => ({ default: reference }) },
      { packageName: 'broken-plugin', load: () => Promise.reject(new Error('chunk failed')) },
      { packageName: 'plain-plugin', load: async () => ({ default: { routes: [] } }) },
    ]);
    expect(registered.map((entry) => entry.packageName)).toEqual(['reference-plugin']);
    expect(errors.mock.calls.map(([message]) => message)).toEqual([
      expect.stringContaining('BL_ERR_WEB_PLUGIN_ENTRY: the web entry of "broken-plugin" failed to load'),
      expect.stringContaining('BL_ERR_WEB_PLUGIN_ENTRY: the web entry of "plain-plugin" does not default-export defineWebPlugin'),
    ]);
    errors.mockRestore();
  });

  it("GIVEN a plugin's guild page THEN it is linked from the sidebar AND reads its route with the session's cookies through api.fetch", async () => {
    signIn(session());
    answer('get', '/api/v1/guilds/{guild_id}', () => ({
      guild_id: DEMO_GUILD,
      name: 'Demo',
      owner_id: null,
      added_by_user_id: null,
      added_at: '2026-11-01T12:00:00.000Z',
      is_active: true,
    }));
    answer('get', '/api/v1/shards/{guild_id}', () => ({ guild_id: DEMO_GUILD, shard_id: null, shard: null }));
    const pluginRequests: string[] = [];
    // A plugin's own route is not in the generated client types, so it is answered with msw directly.
    worker.use(
      http.get('/api/v1/plugins/reference/guilds/:guildId/waves', ({ request }) => {
        pluginRequests.push(new URL(request.url).pathname);
        return HttpResponse.json({ waves: [] });
      }),
    );
    renderDashboard(`/guilds/${DEMO_GUILD}`, { plugins: [{ packageName: 'reference-plugin', plugin: reference }] });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Demo' })).toBeVisible();

    await userEvent.click(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Waves' }));
    await expect.element(page.getByText('Nobody waved yet')).toBeVisible();
    expect(pluginRequests).toEqual([`/api/v1/plugins/reference/guilds/${DEMO_GUILD}/waves`]);
    expect(document.title).toBe('Waves · Baseline');
  });

  it("GIVEN a plugin's admin page that throws THEN the failure names the plugin package in place of the page AND the shell stays usable", async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    signIn(developerSession());
    renderDashboard('/admin/waves-report', { plugins: [{ packageName: 'reference-plugin', plugin: reference }] });
    await expect.element(page.getByRole('alert')).toHaveTextContent('The page of plugin package "reference-plugin" failedthe waves table is missing');
    await expect.element(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Waves report' })).toBeVisible();
    errors.mockRestore();
  });
});

describe('mountDashboard and the login callback', () => {
  const original = `${location.pathname}${location.search}`;
  let container: HTMLElement | undefined;
  const mountAt = (path: string) => {
    history.replaceState(null, '', path);
    container = document.body.appendChild(document.createElement('div'));
    mountDashboard(container);
  };
  afterEach(() => {
    container?.remove();
    history.replaceState(null, '', original);
  });

  it('GIVEN Discord sends the browser back with a code THEN it is posted once AND the guild list opens with the session it answered', async () => {
    // The shell asks for the session while the login is under way; without a cookie yet, the API answers 401 (and,
    // here, answers it before the login, so the order is fixed).
    let checked: () => void = () => {};
    const sessionChecked = new Promise<void>((resolve) => (checked = resolve));
    answer('get', '/api/v1/auth/me', () => {
      checked();
      return apiError(401, 'BL_ERR_API_UNAUTHENTICATED', 'no valid session');
    });
    answer('post', '/api/v1/auth/discord/callback', async () => {
      await sessionChecked;
      return session();
    });
    mountAt('/auth/callback?code=the-code&state=the-state');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Hello, Owner' })).toBeVisible();
    expect(location.pathname).toBe('/');
    expect(sent.filter((request) => request.method === 'POST').map((request) => [request.path, request.body])).toEqual([
      ['/api/v1/auth/discord/callback', { code: 'the-code', state: 'the-state' }],
    ]);
  });

  it("GIVEN the shell's session check is answered 401 only after the login THEN the late answer does not sign the user out", async () => {
    // The order a loaded API can produce: the check was sent without a cookie, the login finishes first.
    let loggedIn: () => void = () => {};
    const loginAnswered = new Promise<void>((resolve) => (loggedIn = resolve));
    answer('get', '/api/v1/auth/me', async () => {
      await loginAnswered;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return apiError(401, 'BL_ERR_API_UNAUTHENTICATED', 'no valid session');
    });
    answer('post', '/api/v1/auth/discord/callback', () => {
      loggedIn();
      return session();
    });
    mountAt('/auth/callback?code=the-code&state=the-state');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Hello, Owner' })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Hello, Owner' })).toBeVisible();
    expect(page.getByRole('button', { name: 'Log in with Discord' }).query()).toBeNull();
  });

  it('GIVEN Discord reports a refusal THEN "Login failed" shows its description AND nothing is posted', async () => {
    signIn(null);
    mountAt('/auth/callback?error=access_denied&error_description=You%20said%20no');
    await expect.element(page.getByRole('alert')).toHaveTextContent('Login failedYou said no');
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });
});
