import { randomBytes } from 'node:crypto';
import { createLogger, createServices, loadConfig, secretsOf, upsertGuild, type BaselineConfig, type BaselineServices } from '@baseline/core';
import { createDiscordEmulator, createTestDatabase, createTestRedis, type DiscordEmulator, type DiscordEmulatorOptions } from '@baseline/testing';
import { createSessionStore } from '../../src/auth/session-store.js';
import { createTokenCipher } from '../../src/auth/token-cipher.js';
import { createApi, type BaselineApi, type CreateApiOptions } from '../../src/index.js';
import { createLogCapture } from '@baseline/core/testing';
import { recordForAudit } from '../../../../test/support/secret-audit.js';
import { ApiClient } from './api-client.js';
import { brokenRoutesPlugin, greeterPlugin, moderationPlugin } from './test-plugins.js';

export const REDIRECT_URI = 'http://127.0.0.1:5173/auth/callback';

/** The people of the access matrix. */
export const PEOPLE = ['owner', 'alice', 'bob', 'dev', 'mallory', 'carol'] as const;
export type Person = (typeof PEOPLE)[number];

export interface ApiStackOptions {
  /** API instances sharing one database and Redis prefix. @default 1 */
  instances?: number;
  api?: Omit<CreateApiOptions, 'services'>;
  emulator?: DiscordEmulatorOptions;
  /** Environment overrides (a value of `undefined` removes the variable). */
  env?: Record<string, string | undefined>;
  /** Plugins besides the test plugins every stack has. */
  plugins?: unknown[];
}

/**
 * One emulated Discord, a fresh PostgreSQL database and Redis prefix, and N API instances on them.
 *
 * Guilds: `main` (the developer team's: dev), `alpha` (owner is its initial authorized user, alice a delegated
 * one, mallory a plain member), `beta` (bob is its initial authorized user). carol is in no guild.
 */
export async function createApiStack(options: ApiStackOptions = {}) {
  const database = await createTestDatabase();
  const redis = createTestRedis();
  const emulator: DiscordEmulator = await createDiscordEmulator({
    ...options.emulator,
    seed: {
      users: PEOPLE.map((username) => ({ username, globalName: username.toUpperCase() })),
      guilds: [
        { name: 'Main', owner: 'dev' },
        { name: 'Alpha', owner: 'owner', members: [{ user: 'alice' }, { user: 'mallory' }] },
        { name: 'Beta', owner: 'bob' },
      ],
    },
  });
  const userIds = Object.fromEntries(PEOPLE.map((name) => [name, [...emulator.state.users.values()].find((user) => user.username === name)!.id])) as Record<
    Person,
    string
  >;
  const guildId = (name: string) => [...emulator.state.guilds.values()].find((guild) => guild.name === name)!.id;
  const guilds = { main: guildId('Main'), alpha: guildId('Alpha'), beta: guildId('Beta') };

  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    DISCORD_BOT_TOKEN: emulator.botToken,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DISCORD_CLIENT_SECRET: emulator.clientSecret,
    DISCORD_REDIRECT_URI: REDIRECT_URI,
    DISCORD_API_BASE_URL: emulator.restUrl,
    MAIN_GUILD_ID: guilds.main,
    API_SECRET_KEY: randomBytes(32).toString('hex'),
    API_CORS_ORIGINS: 'http://127.0.0.1:5173',
    ...options.env,
  };
  const config: BaselineConfig = loadConfig({
    env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    envFiles: false,
  });
  const logs = createLogCapture();
  const services: BaselineServices[] = [];
  const apis: BaselineApi[] = [];
  for (let index = 0; index < (options.instances ?? 1); index += 1) {
    const logger = createLogger({ service: `api-${index}`, level: 'debug', secrets: secretsOf(config), destination: logs.destination });
    const instance = await createServices({
      service: `api-${index}`,
      config,
      logger,
      discover: false,
      kvPrefix: redis.prefix,
      plugins: [greeterPlugin, moderationPlugin, brokenRoutesPlugin, ...(options.plugins ?? [])],
    });
    services.push(instance);
    apis.push(await createApi({ services: instance, ...options.api }));
  }
  const db = services[0]!.db;
  for (const name of ['alpha', 'beta'] as const) {
    await upsertGuild(db, { guildId: guilds[name], guildName: name === 'alpha' ? 'Alpha' : 'Beta', ownerId: userIds[name === 'alpha' ? 'owner' : 'bob'] });
  }
  const sql = db.fork().getConnection();
  await sql.execute(`insert into authorized_users (guild_id, user_id, is_initial) values (?, ?, true), (?, ?, true)`, [
    guilds.alpha,
    userIds.owner,
    guilds.beta,
    userIds.bob,
  ]);
  await sql.execute(`insert into authorized_users (guild_id, user_id, granted_by_user_id) values (?, ?, ?)`, [guilds.alpha, userIds.alice, userIds.owner]);

  let logins = 0;
  const clients: ApiClient[] = [];

  /** Every secret the suite handled: config secrets, OAuth codes and states, session ids, CSRF and Discord tokens. */
  async function secretsSeen(): Promise<Array<{ kind: string; value: string }>> {
    const cipher = createTokenCipher(config.api.secretKey!);
    const sessions = createSessionStore(services[0]!.kv, 1);
    const found = secretsOf(config).map((value) => ({ kind: 'config secret', value }));
    for (const client of clients) {
      for (const value of client.oauthSecrets) found.push({ kind: 'oauth code or state', value });
      const sessionId = client.jar.get('bl_session');
      if (client.csrfToken) found.push({ kind: 'csrf token', value: client.csrfToken });
      if (sessionId === undefined) continue;
      found.push({ kind: 'session id', value: sessionId });
      const raw = await services[0]!.kv.get(sessions.keyOf(sessionId));
      if (raw === undefined) continue;
      const tokens = JSON.parse(cipher.decrypt(JSON.parse(raw).tokens)!) as { accessToken: string; refreshToken: string };
      found.push({ kind: 'discord access token', value: tokens.accessToken }, { kind: 'discord refresh token', value: tokens.refreshToken });
    }
    return found.filter((secret) => secret.value.length >= 8);
  }
  return {
    emulator,
    config,
    apis,
    api: apis[0]!,
    services,
    db,
    userIds,
    guilds,
    logs,
    redis,
    /** A client for one instance, not signed in. */
    client: (index = 0) => ApiClient.inject(apis[index]!),
    /** Signs `person` in through the whole OAuth flow on instance `index`. */
    async login(person: Person, index = 0): Promise<ApiClient> {
      // Each login comes from its own address, so logins never spend a test's per-IP budget.
      logins += 1;
      const client = ApiClient.inject(apis[index]!, `10.0.${Math.floor(logins / 250)}.${logins % 250}`);
      await client.login(emulator, userIds[person]);
      clients.push(client);
      return client;
    },
    secretsSeen,
    /** Kinds of secrets found in the captured logs (empty when none leaked). */
    async leakedSecrets(): Promise<string[]> {
      const text = logs.text();
      return [...new Set((await secretsSeen()).filter((secret) => text.includes(secret.value)).map((secret) => secret.kind))];
    },
    async close() {
      // Every suite also proves no secret it handled reached the logs, and leaves both for the run-wide audit.
      const leaked = services.length > 0 ? await this.leakedSecrets() : [];
      if (services.length > 0) recordForAudit('api test stack', logs.text(), await secretsSeen());
      for (const api of apis) await api.close();
      for (const instance of services) await instance.close();
      await emulator.close();
      await redis.cleanup();
      await database.drop();
      if (leaked.length > 0) throw new Error(`secrets found in the logs: ${leaked.join(', ')}`);
    },
  };
}

export type ApiStack = Awaited<ReturnType<typeof createApiStack>>;
