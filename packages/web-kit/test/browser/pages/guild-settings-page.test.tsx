import { HttpResponse } from 'msw';
import { describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../support/provided-context.js';
import { renderDashboard } from '../support/render-dashboard.js';
import { answer, apiError, DEMO_GUILD, sent, session, signIn } from '../support/fake-api.js';

const STORED = {
  welcome: { greeting: 'Hello', code: 'ABC', maxPerDay: 3, ratio: 0.5, enabled: false, mode: 'quiet', words: ['hi'], limits: { perUser: 2 } },
  moderation: { moderatorRoleIds: [] },
};

/** The settings routes with their revision check: a save must name the version read (`If-Match`), or 412. */
function fakeSettings({ values = STORED }: { values?: Record<string, Record<string, unknown>> } = {}) {
  let revision = 1;
  let stored = structuredClone(values);
  answer('get', '/api/v1/settings/schema', () => inject('settingsSchema'));
  answer('get', '/api/v1/guilds/{guild_id}/settings', () => HttpResponse.json({ settings: stored }, { headers: { ETag: `"r${revision}"` } }));
  answer('get', '/api/v1/guilds/{guild_id}/discord', () => ({
    channels: [{ id: '400000000000000001', name: 'general', type: 0 }],
    roles: [{ id: '500000000000000001', name: 'Moderators' }],
  }));
  answer('put', '/api/v1/guilds/{guild_id}/settings', ({ body, request }) => {
    if (request.headers.get('if-match') !== `"r${revision}"`)
      return apiError(412, 'BL_ERR_SETTINGS_CHANGED', 'changed since read', {
        changed_by: { user_id: '1', username: 'alice', at: '2026-12-05T09:00:00.000Z' },
      });
    revision += 1;
    stored = { ...stored, ...(body as typeof stored) };
    return HttpResponse.json({ settings: stored }, { headers: { ETag: `"r${revision}"` } });
  });
  return { bumpRevision: () => void (revision += 1) };
}

const welcome = () => page.getByRole('region', { name: 'Welcome' });
const puts = () => sent.filter((request) => request.method === 'PUT');

describe('the settings page (/guilds/$guildId/settings)', () => {
  it('GIVEN two namespaces THEN a form each; a save sends the namespace with If-Match of the version read AND the next save the version answered', async () => {
    signIn(session());
    fakeSettings();
    renderDashboard(`/guilds/${DEMO_GUILD}/settings`);
    await expect.element(page.getByRole('region', { name: 'Moderation' })).toBeVisible();
    await expect.element(welcome().getByLabelText('Greeting')).toHaveValue('Hello');

    await userEvent.fill(welcome().getByLabelText('Greeting'), 'Ahoy');
    await userEvent.click(welcome().getByRole('button', { name: 'Save Welcome' }));
    await expect.element(welcome().getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    expect(puts()[0]!.headers.get('if-match')).toBe('"r1"');
    expect(puts()[0]!.body).toEqual({ welcome: expect.objectContaining({ greeting: 'Ahoy' }) });

    await userEvent.fill(welcome().getByLabelText('Greeting'), 'Howdy');
    await userEvent.click(welcome().getByRole('button', { name: 'Save Welcome' }));
    await expect.poll(() => puts().length).toBe(2);
    expect(puts()[1]!.headers.get('if-match')).toBe('"r2"');
  });

  it('GIVEN someone saved since the page read THEN the save is refused with who changed them AND the edits stay', async () => {
    signIn(session());
    const api = fakeSettings();
    renderDashboard(`/guilds/${DEMO_GUILD}/settings`);
    await expect.element(welcome().getByLabelText('Greeting')).toHaveValue('Hello');
    api.bumpRevision();
    await userEvent.fill(welcome().getByLabelText('Greeting'), 'Mine');
    await userEvent.click(welcome().getByRole('button', { name: 'Save Welcome' }));
    await expect
      .element(
        welcome()
          .getByRole('alert')
          .getByText(/^Changed by alice at .* — reload/),
      )
      .toBeVisible();
    await expect.element(welcome().getByLabelText('Greeting')).toHaveValue('Mine');
  });

  it('GIVEN the API refuses a field (422) THEN its message shows by the field', async () => {
    signIn(session());
    fakeSettings();
    answer('put', '/api/v1/guilds/{guild_id}/settings', () =>
      apiError(422, 'BL_ERR_SETTINGS_INVALID', 'invalid settings', { fields: [{ path: 'welcome.greeting', message: 'must not mention @everyone or @here' }] }),
    );
    renderDashboard(`/guilds/${DEMO_GUILD}/settings`);
    await userEvent.fill(welcome().getByLabelText('Greeting'), 'Hi @everyone');
    await userEvent.click(welcome().getByRole('button', { name: 'Save Welcome' }));
    await expect.element(welcome().getByText('must not mention @everyone or @here')).toBeVisible();
  });

  it('GIVEN the save fails on the server (500) THEN its message shows above the form', async () => {
    signIn(session());
    fakeSettings();
    answer('put', '/api/v1/guilds/{guild_id}/settings', () => apiError(500, 'BL_ERR_API_INTERNAL', 'internal error'));
    renderDashboard(`/guilds/${DEMO_GUILD}/settings`);
    await userEvent.fill(welcome().getByLabelText('Greeting'), 'Hey');
    await userEvent.click(welcome().getByRole('button', { name: 'Save Welcome' }));
    await expect.element(welcome().getByRole('alert').getByText('Saving failed; nothing was saved: internal error')).toBeVisible();
  });

  it('GIVEN no plugin has settings THEN the page says where forms come from', async () => {
    signIn(session());
    fakeSettings({ values: {} });
    renderDashboard(`/guilds/${DEMO_GUILD}/settings`);
    await expect.element(page.getByText('No plugin has settings')).toBeVisible();
  });
});
