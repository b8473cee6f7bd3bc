import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { renderDashboard } from '../support/render-dashboard.js';
import {
  answer,
  apiError,
  CSRF_TOKEN,
  DEMO_GUILD,
  sent,
  session,
  signIn,
  type CommandPermissionsOutcome,
  type GuildToggles,
  type RequestBody,
} from '../support/fake-api.js';

type ToggleChange = RequestBody<'/api/v1/guilds/{guild_id}/toggles', 'put'>;
type Visibility = CommandPermissionsOutcome;

const SYNCED: Visibility = { status: 'synced', commands: [], code: null, message: null };

/**
 * A fake of the toggles routes with the API's rules: a change sets (or, with `enabled: null`, clears) the guild's
 * override of a plugin or one of its commands, and the answer is the new state of every toggle.
 */
function fakeToggles(initial: GuildToggles, visibility: Visibility = SYNCED) {
  let state = structuredClone(initial);
  answer('get', '/api/v1/guilds/{guild_id}/toggles', () => state);
  answer('put', '/api/v1/guilds/{guild_id}/toggles', ({ body }) => {
    state = structuredClone(state);
    const plugin = state.plugins.find((candidate) => candidate.plugin_id === body.plugin_id)!;
    const target = body.command === undefined ? plugin : plugin.commands[body.command]!;
    target.overridden = body.enabled !== null;
    target.enabled = body.enabled ?? target.default;
    return { ...state, command_permissions: visibility };
  });
}

const reference: GuildToggles['plugins'][number] = {
  plugin_id: 'reference',
  enabled: true,
  default: true,
  overridden: false,
  commands: { hello: { enabled: true, default: true, overridden: false }, wave: { enabled: false, default: true, overridden: true } },
};

const changes = (): ToggleChange[] => sent.filter((request) => request.method === 'PUT').map((request) => request.body as ToggleChange);

describe('the per-guild toggles page (/guilds/$guildId/toggles)', () => {
  it('GIVEN a plugin with two commands THEN each shows its state and whether the guild overrides the default', async () => {
    signIn(session());
    fakeToggles({ plugins: [reference] });
    renderDashboard(`/guilds/${DEMO_GUILD}/toggles`);

    await expect.element(page.getByRole('heading', { level: 1, name: 'Plugins & commands' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Disable plugin reference' })).toBeVisible();
    const hello = page.getByRole('row').filter({ hasText: '/hello' });
    const wave = page.getByRole('row').filter({ hasText: '/wave' });
    await expect.element(hello.getByText('enabled', { exact: true })).toBeVisible();
    await expect.element(hello.getByText('plugin default')).toBeVisible();
    await expect.element(wave.getByText('disabled', { exact: true })).toBeVisible();
    await expect.element(wave.getByText('set for this guild')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Reset /wave to its default' })).toBeVisible();
    expect(page.getByRole('button', { name: 'Reset /hello to its default' }).query()).toBeNull();
  });

  it('GIVEN the owner disables a command THEN the PUT carries the plugin, the command and the CSRF token AND the row shows the new state', async () => {
    signIn(session());
    fakeToggles({ plugins: [reference] });
    renderDashboard(`/guilds/${DEMO_GUILD}/toggles`);

    await userEvent.click(page.getByRole('button', { name: 'Disable /hello' }));
    const hello = page.getByRole('row').filter({ hasText: '/hello' });
    await expect.element(hello.getByText('disabled', { exact: true })).toBeVisible();
    await expect.element(hello.getByText('set for this guild')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Enable /hello' })).toBeVisible();
    expect(changes()).toEqual([{ plugin_id: 'reference', command: 'hello', enabled: false }]);
    expect(sent.find((request) => request.method === 'PUT')!.path).toBe(`/api/v1/guilds/${DEMO_GUILD}/toggles`);
    expect(sent.find((request) => request.method === 'PUT')!.headers.get('x-csrf-token')).toBe(CSRF_TOKEN);
  });

  it('GIVEN the owner disables the plugin, then resets a command THEN each change is sent AND the page follows the answers', async () => {
    signIn(session());
    fakeToggles({ plugins: [reference] });
    renderDashboard(`/guilds/${DEMO_GUILD}/toggles`);

    await userEvent.click(page.getByRole('button', { name: 'Disable plugin reference' }));
    await expect.element(page.getByRole('button', { name: 'Enable plugin reference' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Reset plugin reference to its default' })).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Reset /wave to its default' }));
    const wave = page.getByRole('row').filter({ hasText: '/wave' });
    await expect.element(wave.getByText('enabled', { exact: true })).toBeVisible();
    await expect.element(wave.getByText('plugin default')).toBeVisible();
    expect(changes()).toEqual([
      { plugin_id: 'reference', enabled: false },
      { plugin_id: 'reference', command: 'wave', enabled: null },
    ]);
  });

  it('GIVEN the signed-in user never granted command permissions THEN the change applies AND the page says the command is still listed in Discord and why', async () => {
    signIn(session());
    const notGranted: Visibility = {
      status: 'not_synced',
      commands: [],
      code: 'BL_ERR_API_COMMAND_PERMISSIONS_NOT_GRANTED',
      message: 'not hidden in Discord: sign in again granting command permissions',
    };
    fakeToggles({ plugins: [reference] }, notGranted);
    renderDashboard(`/guilds/${DEMO_GUILD}/toggles`);
    await expect.element(page.getByRole('button', { name: 'Disable /hello' })).toBeVisible();
    await expect.element(page.getByText('The change applies, but the command is still listed in Discord')).not.toBeInTheDocument();

    await userEvent.click(page.getByRole('button', { name: 'Disable /hello' }));
    await expect.element(page.getByText('The change applies, but the command is still listed in Discord')).toBeVisible();
    await expect.element(page.getByText(/not hidden in Discord: sign in again granting command permissions/)).toBeVisible();
    await expect.element(page.getByText('(BL_ERR_API_COMMAND_PERMISSIONS_NOT_GRANTED)')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Enable /hello' })).toBeVisible();
  });

  it('GIVEN no plugin is installed THEN the page says how to get one', async () => {
    signIn(session());
    fakeToggles({ plugins: [] });
    renderDashboard(`/guilds/${DEMO_GUILD}/toggles`);
    await expect.element(page.getByText('No plugin installed')).toBeVisible();
  });

  it('GIVEN the API refuses the guild (403) THEN "No access" shows', async () => {
    signIn(session());
    answer('get', '/api/v1/guilds/{guild_id}/toggles', () => apiError(403, 'BL_ERR_API_FORBIDDEN', 'not an authorized user of this guild'));
    renderDashboard(`/guilds/${DEMO_GUILD}/toggles`);
    await expect.element(page.getByRole('heading', { name: 'No access' })).toBeVisible();
  });
});
