import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '../../src/testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { upsertGuild } from '../../src/database/repositories/guild-repository.js';
import { findUserOAuthGrant, saveUserOAuthGrant } from '../../src/database/repositories/user-oauth-grant-repository.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { eraseUserData } from '../../src/privacy/erase-user-data.js';
import { createServices } from '../../src/services/create-services.js';
import type { BaselineServices } from '../../src/services/baseline-services.js';

const USER = '111111111111111111';
const OTHER = '222222222222222222';
const GUILD = '333333333333333333';

const erased: string[] = [];
const compliant = definePlugin({ id: 'notes', name: 'Notes', version: '1.0.0', deleteUserData: (userId) => (erased.push(userId), { erased: { notes: 2 } }) });
const failing = definePlugin({
  id: 'broken-notes',
  name: 'Broken notes',
  version: '1.0.0',
  deleteUserData: () => {
    throw Object.assign(new Error('table is locked'), { code: 'NOTES_LOCKED' });
  },
});
const silent = definePlugin({ id: 'silent', name: 'Silent', version: '1.0.0' });

describe('eraseUserData', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let services: BaselineServices;
  beforeAll(async () => {
    database = await createTestDatabase();
    redis = createTestRedis();
    services = await createServices({
      config: loadConfig({ env: { DATABASE_URL: database.url, REDIS_URL: redis.url, NODE_ENV: 'test' }, envFiles: false }),
      logger: createLogger({ service: 'test', level: 'silent' }),
      discover: false,
      kvPrefix: redis.prefix,
      plugins: [compliant, failing, silent],
    });
    await upsertGuild(services.db, { guildId: GUILD, guildName: 'Guild', addedByUserId: USER });
    await services.db
      .fork()
      .execute(`insert into "authorized_users" ("guild_id", "user_id", "granted_by_user_id", "is_initial") values (?, ?, null, true), (?, ?, ?, false)`, [
        GUILD,
        USER,
        GUILD,
        OTHER,
        USER,
      ]);
    await saveUserOAuthGrant(services.db, { userId: USER, sealedTokens: 'v1.sealed-user', scopes: 'identify applications.commands.permissions.update' });
    await saveUserOAuthGrant(services.db, { userId: OTHER, sealedTokens: 'v1.sealed-other', scopes: 'identify' });
  });
  afterAll(async () => {
    await services?.close();
    await database?.drop();
    await redis?.cleanup();
  });

  it('GIVEN plugins with, without and with a failing hook THEN baseline erases, each plugin is reported, and the failure does not stop the others', async () => {
    const report = await eraseUserData(services, USER, { requester: 'operator' });
    expect(report.baseline).toMatchObject({ authorized_users: 1, authorized_users_actor: 1, guilds: 1, user_oauth_grants: 1 });
    // The stored Discord grant (sealed tokens) goes with the user; another user's stays.
    expect(await findUserOAuthGrant(services.db, USER)).toBeUndefined();
    expect(await findUserOAuthGrant(services.db, OTHER)).toMatchObject({ userId: OTHER });
    expect(report.plugins).toEqual([
      { plugin: 'notes', status: 'erased', erased: { notes: 2 } },
      { plugin: 'broken-notes', status: 'failed', error: { code: 'NOTES_LOCKED', message: 'table is locked' } },
      { plugin: 'silent', status: 'not-compliant' },
    ]);
    expect(report.complete).toBe(false);
    expect(erased).toEqual([USER]);
    // The other user's grant stays, without the erased user's id on it.
    const rows = await services.db
      .fork()
      .execute<{ user_id: string; granted_by_user_id: string | null }[]>('select "user_id", "granted_by_user_id" from "authorized_users"');
    expect(rows).toEqual([{ user_id: OTHER, granted_by_user_id: null }]);

    const again = await eraseUserData(services, USER, { requester: 'operator' });
    expect(again.baseline).toEqual({ authorized_users: 0, authorized_users_actor: 0, guilds: 0, llm_usage: 0, audit_log: 0, user_oauth_grants: 0 });
  });

  it('GIVEN something that is not a Discord id THEN BL_ERR_PRIVACY_USER_ID_INVALID and nothing runs', async () => {
    await expect(eraseUserData(services, '12; drop table guilds', { requester: 'operator' })).rejects.toMatchObject({ code: 'BL_ERR_PRIVACY_USER_ID_INVALID' });
    expect(erased).toHaveLength(2);
  });
});
