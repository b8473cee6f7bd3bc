import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { renderDashboard } from '../support/render-dashboard.js';
import { answer, apiError, CSRF_TOKEN, DEMO_GUILD, developerSession, MAIN_GUILD, sent, sentLines, session, signIn } from '../support/fake-api.js';

/** The guild overview's two reads for `guildId`, with a shard that reported (or none). */
function fakeOverview(guildId: string, name: string, { reported = true, isActive = true }: { reported?: boolean; isActive?: boolean } = {}) {
  answer('get', '/api/v1/guilds/{guild_id}', ({ params }) => {
    expect(params['guild_id']).toBe(guildId);
    return { guild_id: guildId, name, owner_id: null, added_by_user_id: null, added_at: '2026-11-01T12:00:00.000Z', is_active: isActive };
  });
  answer('get', '/api/v1/shards/{guild_id}', () => ({
    guild_id: guildId,
    shard_id: reported ? 0 : null,
    shard: reported
      ? { shard_id: 0, shard_count: 1, status: 'ready', stale: false, latency_ms: 42, uptime_ms: 3_723_000, last_heartbeat_at: '2026-12-05T10:00:00.000Z' }
      : null,
  }));
}

const nav = () => page.getByRole('navigation', { name: 'Dashboard' });

describe('the dashboard shell: login, guilds, navigation, theme and logout', () => {
  it('GIVEN no session THEN the login card shows AND a login the API cannot start says why', async () => {
    signIn(null);
    answer('get', '/api/v1/auth/discord/url', () => apiError(503, 'BL_ERR_API_UNAVAILABLE', 'Discord login is not configured'));
    renderDashboard('/');
    await expect.element(page.getByRole('button', { name: 'Log in with Discord' })).toBeVisible();
    expect(page.getByRole('navigation', { name: 'Dashboard' }).query()).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Log in with Discord' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Login is unavailableDiscord login is not configured');
    expect(document.title).toBe('Log in · Baseline');
  });

  it('GIVEN the owner THEN their guilds are listed AND opening one shows the bot, its shard and the guild pages', async () => {
    signIn(session());
    fakeOverview(DEMO_GUILD, 'Demo');
    const { location } = renderDashboard('/');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Hello, Owner' })).toBeVisible();
    await expect.element(page.getByText('Guilds you may manage where the bot is active.')).toBeVisible();
    await expect.element(page.getByRole('link', { name: /Demo/ })).toHaveTextContent('Demoadded the bot');
    // Not on the developer team: no admin pages in the sidebar.
    expect(nav().getByRole('link', { name: 'Shards' }).query()).toBeNull();

    await userEvent.click(page.getByRole('link', { name: /Demo/ }));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Demo' })).toBeVisible();
    expect(location()).toBe(`/guilds/${DEMO_GUILD}`);
    await expect.element(page.getByText('in the guild')).toBeVisible();
    await expect.element(page.getByText('Shard 0: ready')).toBeVisible();
    await expect.element(page.getByText('Latency: 42 ms · uptime 1h 02m')).toBeVisible();
    for (const link of ['Overview', 'Settings', 'Access', 'Plugins & commands'])
      await expect.element(nav().getByRole('link', { name: link, exact: true })).toBeVisible();
    expect(document.title).toBe('Demo · Baseline');
  });

  it('GIVEN a guild no shard reported and the bot left THEN the overview says both', async () => {
    signIn(session());
    fakeOverview(DEMO_GUILD, 'Demo', { reported: false, isActive: false });
    renderDashboard(`/guilds/${DEMO_GUILD}`);
    await expect.element(page.getByText('left the guild')).toBeVisible();
    await expect.element(page.getByText('No shard has reported this guild yet.')).toBeVisible();
  });

  it('GIVEN the developer team THEN every guild is listed, the admin pages are in the sidebar AND the guild switcher opens another guild', async () => {
    signIn(developerSession());
    fakeOverview(MAIN_GUILD, 'Main');
    const { location } = renderDashboard('/');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Hello, dev' })).toBeVisible();
    await expect.element(page.getByText('Developer team: every guild where the bot is active.')).toBeVisible();
    await expect.element(page.getByRole('link', { name: /Main/ })).toHaveTextContent('Maindeveloper team');
    for (const link of ['Shards', 'LLM costs', 'Tasks']) await expect.element(nav().getByRole('link', { name: link })).toBeVisible();

    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Guild' }), MAIN_GUILD);
    await expect.element(page.getByRole('heading', { level: 1, name: 'Main' })).toBeVisible();
    expect(location()).toBe(`/guilds/${MAIN_GUILD}`);
  });

  it('GIVEN a session with no guild THEN the home page says how to get one', async () => {
    signIn(session({ guilds: [] }));
    renderDashboard('/');
    await expect.element(page.getByText('No guild yet')).toBeVisible();
    expect(page.getByRole('combobox', { name: 'Guild' }).query()).toBeNull();
  });

  it('GIVEN the theme button THEN the page switches to dark and back at once AND the choice is remembered', async () => {
    signIn(null);
    renderDashboard('/');
    const toggle = page.getByRole('button', { name: 'Switch to dark theme' });
    await expect.element(toggle).toBeVisible();
    // The button has a colour transition (Tailwind's `transition`): the switch must not run it.
    expect(getComputedStyle(toggle.element()).transitionDuration).not.toBe('0s');
    await userEvent.click(toggle);
    await expect.element(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
    expect(document.getAnimations()).toEqual([]);
    expect(getComputedStyle(page.getByRole('button', { name: 'Switch to light theme' }).element()).transitionDuration).not.toBe('0s');
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    expect(localStorage.getItem('baseline-theme')).toBe('dark');
    await userEvent.click(page.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    expect(localStorage.getItem('baseline-theme')).toBe('light');
  });

  it('GIVEN the owner logs out THEN the logout is posted with the CSRF token AND the login card is back', async () => {
    const signedIn = signIn(session());
    answer('post', '/api/v1/auth/logout', () => {
      signedIn.end();
      return new HttpResponse(null, { status: 204 });
    });
    renderDashboard('/');
    await userEvent.click(page.getByRole('button', { name: 'Log out' }));
    await expect.element(page.getByRole('button', { name: 'Log in with Discord' })).toBeVisible();
    const logout = sent.find((request) => request.path === '/api/v1/auth/logout')!;
    expect(logout.headers.get('x-csrf-token')).toBe(CSRF_TOKEN);
  });

  it('GIVEN the session ends while a page loads (401) THEN the dashboard goes back to the login page', async () => {
    const signedIn = signIn(session());
    answer('get', '/api/v1/guilds/{guild_id}/toggles', () => {
      signedIn.end();
      return apiError(401, 'BL_ERR_API_UNAUTHENTICATED', 'no valid session');
    });
    const { location } = renderDashboard(`/guilds/${DEMO_GUILD}/toggles`);
    await expect.element(page.getByRole('button', { name: 'Log in with Discord' })).toBeVisible();
    expect(location()).toBe('/');
  });

  it.for([`/guilds/${DEMO_GUILD}/toggles`, '/admin/shards'])(
    'GIVEN no session on %s THEN the login page opens AND nothing but the session is read',
    async (path) => {
      signIn(null);
      const { location } = renderDashboard(path);
      await expect.element(page.getByRole('button', { name: 'Log in with Discord' })).toBeVisible();
      expect(location()).toBe('/');
      expect(sentLines()).toEqual(['GET /api/v1/auth/me']);
    },
  );

  it('GIVEN the owner opens a guild they were not granted THEN "No access" shows', async () => {
    signIn(session());
    renderDashboard(`/guilds/${MAIN_GUILD}`);
    await expect.element(page.getByRole('heading', { name: 'No access' })).toBeVisible();
    await userEvent.click(page.getByRole('link', { name: 'Back to your guilds' }));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Hello, Owner' })).toBeVisible();
  });

  it('GIVEN an unknown address THEN "Page not found" links back home', async () => {
    signIn(session());
    renderDashboard('/nowhere');
    await expect.element(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Back to your guilds' })).toBeVisible();
  });
});
