// What the bot and API images run, without a container engine: the pruned tree of `pnpm deploy --prod` (the
// Dockerfiles' build step) started with the images' CMD and NODE_ENV=production against PostgreSQL, Redis and
// the Discord emulator, and probed with the exact HEALTHCHECK command of each Dockerfile.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase, createTestRedis, startStandaloneEmulator, type StandaloneEmulator, type TestDatabase } from '@baseline/testing';
import { DockerfileParser } from 'dockerfile-ast';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from '../../examples/bot/src/demo-seed.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const run = promisify(execFile);
// The processes use baseline's default key prefix, so they get a Redis database of their own on the test server
// (test/global-setup.ts), whose baseline keys are deleted after.
function redisUrl(): string {
  const url = new URL(createTestRedis().url);
  url.pathname = '/13';
  return url.toString();
}

/** The JSON-form instruction `keyword` of the final stage, e.g. CMD or HEALTHCHECK's command. */
function dockerfileCommand(dockerfile: string, keyword: 'CMD' | 'HEALTHCHECK'): string[] {
  const instruction = DockerfileParser.parse(readFileSync(join(root, 'deploy/docker', dockerfile), 'utf8'))
    .getInstructions()
    .filter((candidate) => candidate.getKeyword() === keyword)
    .at(-1)!;
  const json = instruction.getArgumentsContent()!.replace(/^.*?CMD\s+/s, '');
  return JSON.parse(json.replace(/\\\n/g, '')) as string[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs the HEALTHCHECK command (its `node` being this Node) until it exits 0; the process's output on timeout. */
async function waitHealthy(command: string[], env: Record<string, string>, child: ChildProcess, output: () => string): Promise<void> {
  const [program, ...args] = command;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output()}`);
    const passed = await run(program === 'node' ? process.execPath : program!, args, { env: { ...process.env, ...env } }).then(
      () => true,
      () => false,
    );
    if (passed) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`never healthy:\n${output()}`);
}

describe("the images' production tree", () => {
  let appDir: string;
  let database: TestDatabase;
  let emulator: StandaloneEmulator;
  let baseEnv: Record<string, string>;
  const children: ChildProcess[] = [];

  function start(dockerfile: string, env: Record<string, string>) {
    const [program, ...args] = dockerfileCommand(dockerfile, 'CMD');
    const child = spawn(program === 'node' ? process.execPath : program!, args, { cwd: appDir, env: { PATH: process.env['PATH'] ?? '', ...baseEnv, ...env } });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    children.push(child);
    return { child, output: () => output.slice(-4000) };
  }

  async function stop(child: ChildProcess): Promise<number | null> {
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  }

  beforeAll(async () => {
    appDir = join(mkdtempSync(join(tmpdir(), 'baseline-deploy-')), 'app');
    // The Dockerfiles' step, run with the repository's toolchain on the already installed and built workspace.
    await run(process.execPath, ['scripts/run.mjs', 'pnpm', '--filter', '@baseline-examples/bot', 'deploy', '--prod', '--legacy', appDir], { cwd: root });
    database = await createTestDatabase();
    emulator = await startStandaloneEmulator({ seed: demoSeed });
    baseEnv = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl(),
      DISCORD_BOT_TOKEN: emulator.botToken,
      DISCORD_API_BASE_URL: emulator.urls.rest,
      DISCORD_CLIENT_ID: emulator.applicationId,
      DISCORD_CLIENT_SECRET: emulator.clientSecret,
      DISCORD_REDIRECT_URI: 'http://127.0.0.1:9/auth/callback',
      MAIN_GUILD_ID: demoSeed.guilds[0]!.id,
      API_SECRET_KEY: 'a-test-secret-key-of-more-than-32-characters',
      API_CORS_ORIGINS: 'http://127.0.0.1:9',
      LOG_LEVEL: 'warn',
    };
  }, 300_000);

  afterAll(async () => {
    await Promise.all(children.map((child) => stop(child)));
    await emulator?.close();
    await database?.drop();
    const redis = new Redis(baseEnv?.['REDIS_URL'] ?? redisUrl());
    const keys = await redis.keys('baseline:*');
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    if (appDir !== undefined) rmSync(dirname(appDir), { recursive: true, force: true });
  });

  it('GIVEN the pruned tree THEN it holds the app, its workspace dependencies and tsx, and no dev tooling', () => {
    const manifest = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(['@baseline/api', '@baseline/bot', 'tsx']));
    expect(() => readFileSync(join(appDir, 'node_modules/@baseline/core/dist/index.js'))).not.toThrow();
    expect(() => readFileSync(join(appDir, 'node_modules/vitest/package.json'))).toThrow();
  });

  it("GIVEN the API image's CMD with TRUST_PROXY=true THEN its HEALTHCHECK passes AND SIGTERM stops it with exit 0", async () => {
    const port = String(await freePort());
    const env = { API_HOST: '127.0.0.1', API_PORT: port, TRUST_PROXY: 'true' };
    const api = start('api.Dockerfile', env);
    await waitHealthy(dockerfileCommand('api.Dockerfile', 'HEALTHCHECK'), env, api.child, api.output);
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    expect(await stop(api.child)).toBe(0);
  }, 120_000);

  it("GIVEN the bot image's CMD as StatefulSet pod 1 of 4 shards at 2 per pod THEN it runs shards 2 and 3 and its HEALTHCHECK passes", async () => {
    const port = String(await freePort());
    const env = { HEALTH_HOST: '127.0.0.1', HEALTH_PORT: port, POD_ORDINAL: '1', SHARDS_PER_POD: '2', SHARD_COUNT: '4' };
    const bot = start('bot.Dockerfile', env);
    await waitHealthy(dockerfileCommand('bot.Dockerfile', 'HEALTHCHECK'), env, bot.child, bot.output);
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { shards: { id: number }[] };
    expect(health.shards.map((shard) => shard.id)).toEqual([2, 3]);
    expect(await stop(bot.child)).toBe(0);
  }, 120_000);

  it('GIVEN a bot pod beyond the shards THEN it exits at start and names POD_ORDINAL and the replica count', async () => {
    const bot = start('bot.Dockerfile', { HEALTH_PORT: '0', POD_ORDINAL: '2', SHARDS_PER_POD: '2', SHARD_COUNT: '4' });
    const code = await new Promise<number | null>((resolve) => bot.child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(bot.output()).toContain('BL_ERR_CONFIG_INVALID');
    expect(bot.output()).toContain('POD_ORDINAL: expected an ordinal below 2, got "2" (pod 2 has no shard');
    expect(bot.output()).toContain("set the StatefulSet's replicas to 2");
  }, 60_000);
});
