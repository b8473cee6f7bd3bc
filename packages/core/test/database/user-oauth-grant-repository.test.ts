import { createCaptureLogger, createTestDatabase, type TestDatabase } from '../../src/testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  deleteUserOAuthGrant,
  findUserOAuthGrant,
  migrateBaseline,
  replaceUserOAuthTokens,
  saveUserOAuthGrant,
  type Database,
} from '../../src/database/index.js';

const USER = '111111111111111111';

describe('user OAuth grant repository', () => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger });
    await migrateBaseline(db);
  });
  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it('GIVEN a saved grant THEN it reads back AND a second save replaces it', async () => {
    expect(await findUserOAuthGrant(db, USER)).toBeUndefined();
    await saveUserOAuthGrant(db, { userId: USER, sealedTokens: 'v1.first', scopes: 'identify' });
    await saveUserOAuthGrant(db, { userId: USER, sealedTokens: 'v1.second', scopes: 'identify applications.commands.permissions.update' });
    expect(await findUserOAuthGrant(db, USER)).toEqual({
      userId: USER,
      sealedTokens: 'v1.second',
      scopes: 'identify applications.commands.permissions.update',
    });
  });

  it('GIVEN a refresh raced by another one THEN only the refresh that saw the stored tokens replaces them', async () => {
    expect(await replaceUserOAuthTokens(db, USER, 'v1.second', 'v1.third')).toBe(true);
    expect(await replaceUserOAuthTokens(db, USER, 'v1.second', 'v1.stale')).toBe(false);
    expect((await findUserOAuthGrant(db, USER))?.sealedTokens).toBe('v1.third');
  });

  it('GIVEN a delete THEN the grant is gone AND a later replace does not bring it back', async () => {
    expect(await deleteUserOAuthGrant(db, USER)).toBe(1);
    expect(await deleteUserOAuthGrant(db, USER)).toBe(0);
    expect(await replaceUserOAuthTokens(db, USER, 'v1.third', 'v1.fourth')).toBe(false);
    expect(await findUserOAuthGrant(db, USER)).toBeUndefined();
  });
});
