import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { renderDashboard } from '../support/render-dashboard.js';
import { answer, apiError, DEMO_GUILD, sent, session, signIn, type OkBody } from '../support/fake-api.js';

type Members = OkBody<'/api/v1/guilds/{guild_id}/members', 'get'>['members'];
type Grants = OkBody<'/api/v1/guilds/{guild_id}/authorized-users', 'get'>['users'];

const OWNER = '100000000000000001';
const ALICE = '100000000000000002';
const BOB = '100000000000000003';
const member = (user_id: string, username: string, extra: Partial<Members[number]> = {}): Members[number] => ({
  user_id,
  username,
  global_name: null,
  nick: null,
  avatar: null,
  roles: [],
  ...extra,
});
const MEMBERS = [member(OWNER, 'owner', { global_name: 'Owner' }), member(ALICE, 'alice', { nick: 'Ali' }), member(BOB, 'bob')];
const grant = (user_id: string, extra: Partial<Grants[number]> = {}): Grants[number] => ({
  user_id,
  granted_by_user_id: OWNER,
  granted_at: '2026-12-01T10:00:00.000Z',
  is_active: true,
  is_initial: false,
  revoked_at: null,
  revoked_by_user_id: null,
  ...extra,
});

/** The access routes over one list of grants: granting adds, revoking removes, and each change is audited. */
function fakeAccess() {
  let users: Grants = [grant(OWNER, { is_initial: true, granted_by_user_id: null })];
  const entries: OkBody<'/api/v1/guilds/{guild_id}/audit-log', 'get'>['entries'] = [
    {
      id: '2',
      actor_user_id: OWNER,
      action: 'settings.update',
      target: null,
      before: { reference: { greeting: 'Hello', emoji: '👋' } },
      after: { reference: { greeting: 'Ahoy', emoji: '👋' } },
      created_at: '2026-12-02T10:00:00.000Z',
    },
    { id: '1', actor_user_id: null, action: 'guild.join', target: null, before: null, after: null, created_at: '2026-12-01T09:00:00.000Z' },
  ];
  answer('get', '/api/v1/guilds/{guild_id}/authorized-users', () => ({ users }));
  answer('get', '/api/v1/guilds/{guild_id}/audit-log', () => ({ entries }));
  answer('get', '/api/v1/guilds/{guild_id}/members', ({ url }) => {
    const query = url.searchParams.get('query') ?? '';
    return { members: MEMBERS.filter((candidate) => candidate.username.startsWith(query)), next_after: null };
  });
  answer(
    'post',
    '/api/v1/guilds/{guild_id}/authorized-users',
    ({ body }) => {
      const added = grant(body.user_id);
      users = [...users, added];
      entries.unshift({
        id: String(entries.length + 1),
        actor_user_id: OWNER,
        action: 'access.grant',
        target: body.user_id,
        before: null,
        after: null,
        created_at: '2026-12-05T10:00:00.000Z',
      });
      return added;
    },
    { status: 201 },
  );
  answer('delete', '/api/v1/guilds/{guild_id}/authorized-users/{user_id}', ({ params }) => {
    users = users.filter((user) => user.user_id !== params['user_id']);
    entries.unshift({
      id: String(entries.length + 1),
      actor_user_id: OWNER,
      action: 'access.revoke',
      target: params['user_id']!,
      before: null,
      after: null,
      created_at: '2026-12-05T10:01:00.000Z',
    });
    return new HttpResponse(null, { status: 204 });
  });
}

describe('the access page (/guilds/$guildId/access)', () => {
  it('GIVEN the initial user and an audit log THEN names replace ids, the initial user is not revocable AND a settings change reads as a diff', async () => {
    signIn(session());
    fakeAccess();
    renderDashboard(`/guilds/${DEMO_GUILD}/access`);
    const ownerRow = page.getByRole('row').filter({ hasText: 'added the bot' });
    await expect.element(ownerRow.getByRole('cell', { name: 'Owner added the bot' })).toBeVisible();
    await expect.element(ownerRow.getByText('not revocable')).toBeVisible();
    const log = page.getByRole('list', { name: 'Audit log' });
    await expect.element(log.getByText('reference.greeting: "Hello" → "Ahoy"')).toBeVisible();
    expect(log.getByText(/reference\.emoji/).query()).toBeNull();
    await expect.element(log.getByText('the bot', { exact: true })).toBeVisible();
  });

  it('GIVEN the owner grants alice by searching her name, then revokes her THEN each request is sent AND the list and the audit log follow', async () => {
    signIn(session());
    fakeAccess();
    renderDashboard(`/guilds/${DEMO_GUILD}/access`);
    await userEvent.fill(page.getByLabelText('Grant access to a member'), 'zed');
    await expect.element(page.getByText('No member matches “zed”.')).toBeVisible();
    await userEvent.fill(page.getByLabelText('Grant access to a member'), 'ali');
    await userEvent.click(page.getByRole('button', { name: 'Grant alice' }));
    await expect.element(page.getByRole('button', { name: 'Revoke Ali' })).toBeVisible();
    const granted = page.getByRole('listitem').filter({ hasText: 'access.grant' });
    await expect.element(granted).toBeVisible();
    expect(granted.element().textContent).toMatch(/^Owner · access\.grant · Ali · /);
    expect(sent.find((request) => request.method === 'POST')!.body).toEqual({ user_id: ALICE });

    await userEvent.click(page.getByRole('button', { name: 'Revoke Ali' }));
    await expect.element(page.getByRole('listitem').filter({ hasText: 'access.revoke' })).toBeVisible();
    expect(page.getByRole('button', { name: 'Revoke Ali' }).query()).toBeNull();
    expect(sent.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([
      `/api/v1/guilds/${DEMO_GUILD}/authorized-users/${ALICE}`,
    ]);
  });

  it('GIVEN the API refuses a grant THEN "Granting failed" shows its message', async () => {
    signIn(session());
    fakeAccess();
    answer('post', '/api/v1/guilds/{guild_id}/authorized-users', () => apiError(409, 'BL_ERR_API_CONFLICT', 'bob is a bot'));
    renderDashboard(`/guilds/${DEMO_GUILD}/access`);
    await userEvent.fill(page.getByLabelText('Grant access to a member'), 'bob');
    await userEvent.click(page.getByRole('button', { name: 'Grant bob' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('Granting failedbob is a bot');
  });
});
