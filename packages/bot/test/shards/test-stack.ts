import { createLogger, createServices, loadConfig, type BaselineServices } from '@baseline/core';
import { createLogCapture, type LogLine } from '@baseline/core/testing';
import { createTestDatabase, createTestRedis, type DiscordEmulator } from '@baseline/testing';
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';

export type { LogLine };

/**
 * Real services for one test file: a fresh migrated PostgreSQL database and a Redis key prefix, through core's
 * `createServices`, with every log line kept in `logs`.
 */
export async function createTestStack(): Promise<{ services: BaselineServices; logs: LogLine[]; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const redis = createTestRedis();
  const { lines: logs, destination } = createLogCapture();
  const logger = createLogger({ service: 'bot-test', level: 'debug', destination });
  const config = loadConfig({ env: { NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_URL: redis.url }, envFiles: false });
  const services = await createServices({ service: 'bot-test', config, logger, discover: false, kvPrefix: redis.prefix });
  return {
    services,
    logs,
    async close() {
      await services.close();
      await database.drop();
      await redis.cleanup();
    },
  };
}

/** Short timings for tests; the emulator still enforces the identify window. */
export const fastGateway = { heartbeatIntervalMs: 500, identifyIntervalMs: 200, memberRequestIntervalMs: 0 };

/** A plain discord.js client pointed at the emulator. */
export function testClient(emulator: DiscordEmulator, options: Partial<ClientOptions> = {}): Client {
  return new Client({ intents: [GatewayIntentBits.Guilds], ...emulator.clientOptions(), ...options });
}

/** Logs in and resolves on `clientReady`. */
export async function loginReady(client: Client, token: string): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(token);
  await ready;
}

/** Runs a query on the services' database. */
export function query<T = Record<string, unknown>>(services: BaselineServices, sql: string, params: unknown[] = []): Promise<T[]> {
  return services.db.fork().execute<T[]>(sql, params);
}
