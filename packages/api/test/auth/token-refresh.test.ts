import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

// Without a bot token the developer-team check reads the user's own guild list, with the user's tokens: the path
// that needs refreshing. Tokens live one second here, so every use refreshes.
describe('Discord tokens refreshed when they expire', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await createApiStack({
      env: { DISCORD_BOT_TOKEN: undefined },
      emulator: { oauth: { accessTokenLifetimeSeconds: 1 } },
      api: { developerTeam: { checkTtlMs: 0 } },
    });
  });
  afterAll(() => stack?.close());

  const tokenCalls = () => stack.emulator.requests.filter((request) => request.path.endsWith('/oauth2/token') && request.status === 200).length;

  it('GIVEN an expired access token THEN it is refreshed, the rotated refresh token is kept AND the developer check still works', async () => {
    const dev = await stack.login('dev');
    const afterLogin = tokenCalls();
    expect((await dev.get('/api/v1/auth/me')).body.is_developer).toBe(true);
    // A second refresh only succeeds if the first one's rotated refresh token was stored.
    expect((await dev.get('/api/v1/auth/me')).body.is_developer).toBe(true);
    expect(tokenCalls()).toBe(afterLogin + 2);
  });

  it('GIVEN a user removed from the main guild THEN the next check drops them from the developer team', async () => {
    const dev = await stack.login('dev');
    expect((await dev.get('/api/v1/shards')).status).toBe(200);
    stack.emulator.removeMember(stack.guilds.main, 'dev');
    try {
      expect((await dev.get('/api/v1/auth/me')).body.is_developer).toBe(false);
      expect((await dev.get('/api/v1/shards')).status).toBe(403);
    } finally {
      stack.emulator.addMember(stack.guilds.main, { user: 'dev' });
    }
  });

  it('GIVEN no bot token THEN the members route answers 503 with a coded error', async () => {
    const owner = await stack.login('owner');
    const response = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/members`);
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('BL_ERR_API_NOT_CONFIGURED');
  });
});
