// Latency (p50/p95/p99) and throughput of authenticated API routes at 50 concurrent connections, each against a bare
// Fastify route doing the same single PostgreSQL read or write, measured in alternating slices on the same services.
// Everything listens on 127.0.0.1. Prints, asserts nothing.
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogger, createServices, loadConfig, preparedQuery, upsertGuild, type BaselineServices } from '@baseline/core';
import { createDiscordEmulator, createTestDatabase, createTestRedis } from '@baseline/testing';
import Fastify from 'fastify';
import { createApi } from '../src/index.js';

import { benchSettingsPlugin } from './bench-plugin.js';
import type { LoadRequest, LoadResult } from './load-generator.js';

/** Guilds the spread PUT target writes to, one drawn at random per request. */
const SPREAD_GUILDS = 10;

/** Users the many-users `GET /guilds` target reads as, one drawn at random per request, each with their own session. */
const READERS = 50;

/**
 * Each route is measured in this many slices, alternating with its bare reference, so that load which drifts
 * during the run (other processes on a shared machine) weighs on both sides of a ratio alike.
 */
const SLICES = 4;

export interface ApiBenchmarkOptions {
  connections: number;
  durationSeconds: number;
}

interface Target {
  name: string;
  url: string;
  method: 'GET' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** URLs drawn at random per request instead of `url` (the spread PUT). */
  paths?: string[];
  /** Header sets drawn at random per request instead of `headers` (the many-users read). */
  headerSets?: Array<Record<string, string>>;
  /** The bare route this one is measured against, when not the bare write (PUTs) or the bare read (the rest). */
  reference?: Target;
}

interface Result extends LoadResult {
  name: string;
  rps: number;
  /** CPU time spent while this load ran, in microseconds, by process (undefined where /proc is unreadable). */
  cpu?: CpuTimes;
}

/** CPU time of the processes that serve a request: this one (the API), PostgreSQL's and Redis's. */
interface CpuTimes {
  api: number;
  postgres: number;
  redis: number;
}

const CLOCK_TICK_US = 10_000; // Linux reports process times in 1/100 s (USER_HZ).

/**
 * The CPU time used so far by this process and by every PostgreSQL and Redis process on the machine, read from
 * /proc (Linux). Per-request figures from two snapshots show where a route's cost goes beyond its bare reference.
 */
function cpuSnapshot(): CpuTimes | undefined {
  let postgres = 0;
  let redis = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    } catch {
      continue; // the process ended meanwhile
    }
    // "pid (comm) state ppid …": comm may hold spaces, so split after its closing parenthesis.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    if (comm === 'postgres' || comm.startsWith('postgres:')) postgres += ticks * CLOCK_TICK_US;
    else if (comm.startsWith('redis-server')) redis += ticks * CLOCK_TICK_US;
  }
  const own = process.cpuUsage();
  return { api: own.user + own.system, postgres, redis };
}

const LOAD_GENERATOR = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/** Runs one load in a separate Node process, so the load generator does not share the server's thread. */
function load(target: Target, options: ApiBenchmarkOptions): Promise<Result> {
  const request: LoadRequest = {
    url: target.url,
    method: target.method,
    headers: target.headers ?? {},
    bodies: target.body === undefined ? [] : [target.body],
    ...(target.paths ? { paths: target.paths } : {}),
    ...(target.headerSets ? { headerSets: target.headerSets } : {}),
    connections: options.connections,
    durationSeconds: options.durationSeconds,
  };
  return new Promise((resolve, reject) => {
    let before: CpuTimes | undefined;
    const child = execFile(process.execPath, ['--no-warnings', LOAD_GENERATOR, JSON.stringify(request)], { maxBuffer: 1 << 20 }, (error, stdout) => {
      const after = cpuSnapshot();
      if (error) return reject(error);
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
      const cpu = before && after ? { api: after.api - before.api, postgres: after.postgres - before.postgres, redis: after.redis - before.redis } : undefined;
      resolve({ name: target.name, rps: result.requests / options.durationSeconds, ...result, ...(cpu ? { cpu } : {}) });
    });
    // From the generator's start, so its own start-up (no requests yet) costs the server nothing measurable.
    child.once('spawn', () => (before = cpuSnapshot()));
  });
}

/** Sums slices of one target: requests and errors add up, latency percentiles are the slices' mean. */
function combine(name: string, slices: readonly Result[], seconds: number): Result {
  const sum = (pick: (result: Result) => number) => slices.reduce((total, result) => total + pick(result), 0);
  const mean = (pick: (result: Result) => number) => sum(pick) / slices.length;
  const requests = sum((r) => r.requests);
  const cpu = slices.every((r) => r.cpu !== undefined)
    ? { api: sum((r) => r.cpu!.api), postgres: sum((r) => r.cpu!.postgres), redis: sum((r) => r.cpu!.redis) }
    : undefined;
  return {
    name,
    requests,
    ...(cpu ? { cpu } : {}),
    rps: requests / seconds,
    p50: mean((r) => r.p50),
    p95: mean((r) => r.p95),
    p99: mean((r) => r.p99),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
  };
}

/** The route and its reference measured in alternating slices (reference first), for a ratio drift cannot skew. */
async function paired(target: Target, reference: Target, options: ApiBenchmarkOptions): Promise<{ target: Result; reference: Result }> {
  const slice = { ...options, durationSeconds: options.durationSeconds / SLICES };
  const targets: Result[] = [];
  const references: Result[] = [];
  for (let index = 0; index < SLICES; index += 1) {
    references.push(await load(reference, slice));
    targets.push(await load(target, slice));
  }
  return { target: combine(target.name, targets, options.durationSeconds), reference: combine(reference.name, references, options.durationSeconds) };
}

/** Logs in through the emulator like a browser; returns the cookie header and CSRF token. */
async function login(apiUrl: string, emulatorUrl: string, userId: string): Promise<{ cookie: string; csrf: string }> {
  const start = await fetch(`${apiUrl}/api/v1/auth/discord/url`);
  const stateCookie = start.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
  const authorize = new URL(((await start.json()) as { url: string }).url);
  if (!authorize.href.startsWith(emulatorUrl)) throw new Error('authorize URL does not point at the emulator');
  authorize.searchParams.set('user_id', userId);
  const redirect = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!);
  const done = await fetch(`${apiUrl}/api/v1/auth/discord/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: stateCookie },
    body: JSON.stringify({ code: redirect.searchParams.get('code'), state: redirect.searchParams.get('state') }),
  });
  if (done.status !== 200) throw new Error(`login failed: ${done.status} ${await done.text()}`);
  const session = done.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('bl_session='))!
    .split(';')[0]!;
  return { cookie: session, csrf: ((await done.json()) as { csrf_token: string }).csrf_token };
}

/** CPU µs per request of the route and of its reference, by process: where the ratio goes. */
function cpuColumns(result: Result, reference: Result): Record<string, string> {
  if (result.cpu === undefined || reference.cpu === undefined) return {};
  const per = (value: Result, pick: (cpu: CpuTimes) => number) => (pick(value.cpu!) / Math.max(1, value.requests)).toFixed(0);
  const both = (pick: (cpu: CpuTimes) => number) => `${per(result, pick)} / ${per(reference, pick)}`;
  return { 'API µs': both((cpu) => cpu.api), 'PG µs': both((cpu) => cpu.postgres), 'Redis µs': both((cpu) => cpu.redis) };
}

export async function runApiBenchmark(options: ApiBenchmarkOptions): Promise<void> {
  const database = await createTestDatabase();
  const redis = createTestRedis();
  const emulator = await createDiscordEmulator({
    seed: {
      users: [{ username: 'owner' }, { username: 'writer' }, ...Array.from({ length: READERS }, (_, index) => ({ username: `reader${index}` }))],
      guilds: [{ name: 'Bench', owner: 'owner' }],
    },
    rest: { bucketLimit: 1_000_000 },
  });
  const ownerId = [...emulator.state.users.values()].find((user) => user.username === 'owner')!.id;
  const writerId = [...emulator.state.users.values()].find((user) => user.username === 'writer')!.id;
  const readerIds = [...emulator.state.users.values()].filter((user) => user.username.startsWith('reader')).map((user) => user.id);
  const guildId = [...emulator.state.guilds.values()][0]!.id;
  const config = loadConfig({
    envFiles: false,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      DISCORD_BOT_TOKEN: emulator.botToken,
      DISCORD_CLIENT_ID: emulator.applicationId,
      DISCORD_CLIENT_SECRET: emulator.clientSecret,
      DISCORD_REDIRECT_URI: 'http://127.0.0.1:5173/auth/callback',
      DISCORD_API_BASE_URL: emulator.restUrl,
      API_SECRET_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
    },
  });
  let services: BaselineServices | undefined;
  const closers: Array<() => Promise<unknown>> = [];
  try {
    services = await createServices({
      service: 'api',
      config,
      logger: createLogger({ service: 'api', level: 'warn' }),
      discover: false,
      kvPrefix: redis.prefix,
      plugins: [benchSettingsPlugin],
    });
    await upsertGuild(services.db, { guildId, guildName: 'Bench', ownerId });
    await services.db.fork().getConnection().execute('insert into authorized_users (guild_id, user_id, is_initial) values (?, ?, true)', [guildId, ownerId]);
    await services.settings.set(guildId, 'bench', { level: 1 });
    // Readers authorized for the bench guild alone, so each one's GET /guilds answer is one guild, like the owner's.
    for (const id of readerIds) {
      await services.db.fork().getConnection().execute('insert into authorized_users (guild_id, user_id, is_initial) values (?, ?, false)', [guildId, id]);
    }
    // Guilds a second user is authorized for, so one PUT target spreads its writes over several rows (the same-row
    // target measures contention on one row, which only grows with connections). A second user keeps the owner's
    // GET /guilds answer at one guild, the shape of the bare route's one row.
    const spreadGuildIds = Array.from({ length: SPREAD_GUILDS }, (_, index) => String(BigInt(guildId) + BigInt(index + 1)));
    for (const id of spreadGuildIds) {
      await upsertGuild(services.db, { guildId: id, guildName: `Bench ${id}`, ownerId: writerId });
      await services.db.fork().getConnection().execute('insert into authorized_users (guild_id, user_id, is_initial) values (?, ?, true)', [id, writerId]);
      await services.settings.set(id, 'bench', { level: 1 });
    }

    // Counted like production, with limits high enough that the load never reaches them.
    const big = { max: 100_000_000, windowMs: 3_600_000 };
    const rateLimits = process.env.BENCH_NO_LIMITS
      ? ({ global: false, user: false, guild: false, anonymous: false } as const)
      : { global: big, user: big, guild: big, anonymous: big };
    const api = await createApi({ services, http: { logRequests: false }, rateLimits });
    closers.push(() => api.close());
    const apiUrl = await api.listen({ host: '127.0.0.1', port: 0 });
    // A second instance without the guild list cache (2 s by default), for its own row.
    const listUncachedApi = await createApi({ services, http: { logRequests: false }, rateLimits, caches: { guildListTtlMs: 0 } });
    closers.push(() => listUncachedApi.close());
    const listUncachedUrl = await listUncachedApi.listen({ host: '127.0.0.1', port: 0 });

    // The bare routes (`/bare/…`): the same single PostgreSQL read, on the same connection pool and the same way the
    // API's hot reads reach it (a named prepared statement on the pg pool), with no session, access or limits; and
    // for the writes the same row updated in one autocommitted statement (one commit, like the API's settings and
    // audit write), with no session, validation, audit, cache announcement or limits.
    // The floor routes (`/floor/…`) do the same after one Redis read on the API's own kv client (auto-pipelined like
    // the gate): a route that must consult Redis on every request (session, rate limits and access version, see the
    // request gate) cannot do better than this on the same machine.
    const db = services.db;
    const kvClient = services.kv.redis!;
    const bare = Fastify({ logger: false });
    for (const [path, before] of [
      ['bare', async () => {}],
      ['floor', () => kvClient.get(`${services.kv.prefix}floor:session`)],
    ] as const) {
      bare.get(`/${path}/:guild_id`, async (request) => {
        const { guild_id } = request.params as { guild_id: string };
        await before();
        const rows = await preparedQuery(db, 'bench.bare', 'select setting_value from guild_settings where guild_id = $1 and setting_key = $2', [
          guild_id,
          'bench',
        ]);
        return { settings: rows[0] ?? null };
      });
      bare.put(`/${path}/:guild_id`, async (request) => {
        const { guild_id } = request.params as { guild_id: string };
        await before();
        await preparedQuery(
          db,
          'bench.bare-write',
          'update guild_settings set setting_value = $3, updated_at = now() where guild_id = $1 and setting_key = $2',
          [guild_id, 'bench', JSON.stringify({ level: 2 })],
        );
        return { ok: true };
      });
    }
    closers.push(() => bare.close());
    const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

    const session = await login(apiUrl, emulator.url, ownerId);
    const auth = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const writer = await login(apiUrl, emulator.url, writerId);
    const writerAuth = { cookie: writer.cookie, 'x-csrf-token': writer.csrf };
    const readers: Array<Record<string, string>> = [];
    for (const id of readerIds) readers.push({ cookie: (await login(apiUrl, emulator.url, id)).cookie });
    const targets: Target[] = [
      { name: 'bare Fastify + 1 PG read', url: `${bareUrl}/bare/${guildId}`, method: 'GET' },
      { name: 'bare Fastify + 1 PG write', url: `${bareUrl}/bare/${guildId}`, method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' },
      { name: 'floor: bare read after 1 Redis read', url: `${bareUrl}/floor/${guildId}`, method: 'GET' },
      {
        name: 'floor: bare write after 1 Redis read',
        url: `${bareUrl}/floor/${guildId}`,
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
      { name: 'GET /guilds/{id}/settings', url: `${apiUrl}/api/v1/guilds/${guildId}/settings`, method: 'GET', headers: auth },
      {
        name: 'PUT /guilds/{id}/settings',
        url: `${apiUrl}/api/v1/guilds/${guildId}/settings`,
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({ bench: { level: 2 } }),
      },
      {
        name: `PUT …/settings over ${SPREAD_GUILDS} guilds`,
        url: apiUrl,
        method: 'PUT',
        headers: writerAuth,
        body: JSON.stringify({ bench: { level: 2 } }),
        paths: spreadGuildIds.map((id) => `/api/v1/guilds/${id}/settings`),
        // The same rows written bare: ten rows do not queue on one row's lock the way the single-row reference does.
        reference: {
          name: `bare Fastify + 1 PG write over ${SPREAD_GUILDS} guilds`,
          url: bareUrl,
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: '{}',
          paths: spreadGuildIds.map((id) => `/bare/${id}`),
        },
      },
      { name: 'GET /guilds', url: `${apiUrl}/api/v1/guilds`, method: 'GET', headers: auth },
      { name: 'GET /guilds, caches.guildListTtlMs 0', url: `${listUncachedUrl}/api/v1/guilds`, method: 'GET', headers: auth },
      {
        name: `GET /guilds, caches.guildListTtlMs 0, ${READERS} users`,
        url: `${listUncachedUrl}/api/v1/guilds`,
        method: 'GET',
        headerSets: readers,
      },
    ];
    // BENCH_ONLY=settings keeps the routes whose name contains the filter (for profiling).
    const only = process.env.BENCH_ONLY;
    const [bareRead, bareWrite, ...routes] = targets as [Target, Target, ...Target[]];
    const chosen = routes.filter((target) => only === undefined || target.name.includes(only));
    // Warm-up: connection pools, JIT, caches.
    for (const target of [bareRead, bareWrite, ...chosen.flatMap((route) => (route.reference ? [route.reference, route] : [route]))]) {
      await load(target, { ...options, durationSeconds: 1 });
    }
    const rows: Array<{ result: Result; reference: Result }> = [];
    for (const target of chosen) {
      // Writes against the bare write, reads against the bare read.
      const { target: result, reference } = await paired(target, target.reference ?? (target.method === 'PUT' ? bareWrite : bareRead), options);
      rows.push({ result, reference });
    }
    console.log(
      `@baseline/api at ${options.connections} connections, ${options.durationSeconds} s per route in ${SLICES} slices alternating with its bare ` +
        `reference (the bare write of the same rows for PUTs, the bare read otherwise); goal: p95 < 20 ms and >= 0.8 of the reference's throughput`,
    );
    console.table(
      rows.map(({ result, reference }) => ({
        route: result.name,
        'req/s': result.rps.toFixed(0),
        'p50 ms': result.p50.toFixed(1),
        'p95 ms': result.p95.toFixed(1),
        'p99 ms': result.p99.toFixed(1),
        reference: reference.name,
        'reference req/s': reference.rps.toFixed(0),
        'vs reference': (result.rps / reference.rps).toFixed(2),
        ...cpuColumns(result, reference),
        errors: result.errors + result.non2xx,
        goal: result.p95 < 20 && result.rps / reference.rps >= 0.8 ? 'met' : 'missed',
      })),
    );
  } finally {
    for (const close of closers.reverse()) await close().catch(() => {});
    await services?.close();
    await emulator.close();
    await redis.cleanup();
    await database.drop();
  }
}
