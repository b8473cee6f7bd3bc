// The example bot's compose files, resolved by docker-compose itself and checked against NFR-1, NFR-2, NFR-5.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeConfig, ensureDockerCompose } from './docker-compose-cli.js';
import { checkCompose, COMPOSE_RULES, type Compose } from './support/compose-rules.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const appDir = join(root, 'examples/bot');
const DUMMY_ENV = 'POSTGRES_PASSWORD=dummy-postgres-password\nREDIS_PASSWORD=dummy-redis-password\nDISCORD_BOT_TOKEN=dummy-token\n';

describe('examples/bot/docker-compose.yml', () => {
  let compose: Compose;
  let sharded: Compose;

  beforeAll(async () => {
    ensureDockerCompose();
    compose = parse(await composeConfig(appDir, ['docker-compose.yml'], DUMMY_ENV)) as Compose;
    sharded = parse(await composeConfig(appDir, ['docker-compose.yml', 'docker-compose.shards.yml'], DUMMY_ENV)) as Compose;
  }, 300_000);

  it('GIVEN docker-compose config THEN it resolves the five services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'bot', 'postgres', 'redis', 'web']);
  });

  it('GIVEN a .env without POSTGRES_PASSWORD THEN docker-compose config refuses it and names the variable', async () => {
    await expect(composeConfig(appDir, ['docker-compose.yml'], 'REDIS_PASSWORD=r\n')).rejects.toThrow(/set POSTGRES_PASSWORD in \.env/);
  });

  it.each(COMPOSE_RULES)('GIVEN the rule %s (support/compose-rules.ts) THEN the resolved file keeps it', (rule) => {
    expect(checkCompose(compose).filter((problem) => problem.rule === rule)).toEqual([]);
  });

  it('GIVEN api THEN it reaches Redis with the password from .env', () => {
    expect(compose.services['api']!.environment).toMatchObject({ REDIS_URL: 'redis://:dummy-redis-password@redis:6379' });
  });

  it('GIVEN a compose file breaking every rule THEN the checker reports each', () => {
    const broken: Compose = {
      services: {
        api: { ports: ['3000:3000'], networks: { internet: null }, environment: {} },
        bot: { networks: { intranet: null } },
        postgres: { volumes: ['/srv/pg:/var/lib/postgresql/data'], healthcheck: { test: ['CMD', 'true'] } },
        web: { depends_on: { api: { condition: 'service_started' } } },
      },
      networks: { internet: null, intranet: {}, dbnet: { internal: true } },
      volumes: {},
    };
    expect([...new Set(checkCompose(broken).map((problem) => problem.rule))].sort()).toEqual([...COMPOSE_RULES].sort());
  });

  it('GIVEN the compose file itself THEN secrets come from the env file, never written in it', () => {
    const raw = parse(readFileSync(join(appDir, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { env_file?: string }> };
    expect(raw.services['api']!.env_file).toBe('${ENV_FILE:-.env}');
    expect(raw.services['bot']!.env_file).toBe('${ENV_FILE:-.env}');
    // The values of the dummy .env reach the services only through interpolation and env_file.
    expect(readFileSync(join(appDir, 'docker-compose.yml'), 'utf8')).not.toMatch(/DISCORD_BOT_TOKEN|DISCORD_CLIENT_SECRET|API_SECRET_KEY/);
    expect(compose.services['bot']!.environment?.['DISCORD_BOT_TOKEN']).toBe('dummy-token');
  });

  it('GIVEN the shards override THEN two bot services split one SHARD_COUNT, each on the bot networks without a port', () => {
    const bots = ['bot', 'bot-b'].map((name) => sharded.services[name]!);
    expect(bots.map((bot) => [bot.environment?.['SHARD_COUNT'], bot.environment?.['SHARD_IDS']])).toEqual([
      ['4', '0-1'],
      ['4', '2-3'],
    ]);
    for (const bot of bots) {
      expect(Object.keys(bot.networks ?? {}).sort()).toEqual(['dbnet', 'egress', 'intranet']);
      expect(bot.ports).toBeUndefined();
      expect(bot.healthcheck?.test?.length).toBeGreaterThan(1);
      expect(bot.environment?.['DATABASE_URL']).toBe(sharded.services['api']!.environment?.['DATABASE_URL']);
    }
  });
});
