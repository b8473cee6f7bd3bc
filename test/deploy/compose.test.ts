// The example bot's compose files, resolved by docker-compose itself and checked against NFR-1, NFR-2, NFR-5.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeConfig, ensureDockerCompose } from './docker-compose-cli.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const appDir = join(root, 'examples/bot');
const DUMMY_ENV = 'POSTGRES_PASSWORD=dummy-postgres-password\nREDIS_PASSWORD=dummy-redis-password\nDISCORD_BOT_TOKEN=dummy-token\n';

interface ComposeService {
  image?: string;
  ports?: unknown[];
  networks?: Record<string, unknown>;
  volumes?: (string | { type: string; source: string; target: string })[];
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  container_name?: string;
}
interface Compose {
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean } | null>;
  volumes: Record<string, unknown>;
}

const membersOf = (compose: Compose, network: string) =>
  Object.entries(compose.services)
    .filter(([, service]) => Object.keys(service.networks ?? {}).includes(network))
    .map(([name]) => name)
    .sort();

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

  it('GIVEN the services THEN only web publishes a port', () => {
    const published = Object.entries(compose.services).filter(([, service]) => (service.ports ?? []).length > 0).map(([name]) => name);
    expect(published).toEqual(['web']);
  });

  it('GIVEN the networks THEN internet holds only web, intranet web/api/bot, dbnet api/bot/postgres/redis', () => {
    expect(membersOf(compose, 'internet')).toEqual(['web']);
    expect(membersOf(compose, 'intranet')).toEqual(['api', 'bot', 'web']);
    expect(membersOf(compose, 'dbnet')).toEqual(['api', 'bot', 'postgres', 'redis']);
    // The way out to Discord and the LLM providers: only the two processes that call them, nothing published.
    expect(membersOf(compose, 'egress')).toEqual(['api', 'bot']);
    expect(Object.keys(compose.networks).sort()).toEqual(['dbnet', 'egress', 'internet', 'intranet']);
  });

  it('GIVEN intranet and dbnet THEN both are internal (no route out of the host)', () => {
    expect(compose.networks['intranet']?.internal).toBe(true);
    expect(compose.networks['dbnet']?.internal).toBe(true);
  });

  it('GIVEN postgres THEN its data directory is a named volume', () => {
    const mounts = (compose.services['postgres']!.volumes ?? []).map((volume) => (typeof volume === 'string' ? volume : `${volume.source}:${volume.target}`));
    expect(mounts.map((mount) => mount.replace(/:rw$/, ''))).toContain('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('postgres-data');
  });

  it('GIVEN every service THEN it has a healthcheck, and every dependency waits for service_healthy', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.healthcheck?.test?.length, `${name} healthcheck`).toBeGreaterThan(1);
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
      }
    }
    expect(Object.keys(compose.services['web']!.depends_on ?? {})).toEqual(['api']);
  });

  it('GIVEN api THEN it can be scaled: no container_name, no host port, and it trusts the proxy in front of it', () => {
    const api = compose.services['api']!;
    expect(api.container_name).toBeUndefined();
    expect(api.ports).toBeUndefined();
    expect(api.environment).toMatchObject({ TRUST_PROXY: 'true', NODE_ENV: 'production', REDIS_URL: 'redis://:dummy-redis-password@redis:6379' });
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
