import { createKeyValue, type KeyValueStore } from '@baseline/core';
import { REST, Routes, SlashCommandBuilder, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandSetHash, commandSyncMarkerKey } from '../../src/commands/command-sync-marker.js';
import { syncCommands, type SyncCommandsOptions } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

function command(name: string, description: string): RESTPostAPIApplicationCommandsJSONBody {
  return new SlashCommandBuilder().setName(name).setDescription(description).toJSON();
}

/** The commands of one deploy. */
const deployA = [command('greet', 'Say hello'), command('wave', 'Wave')];
/** The next deploy: one description changed. */
const deployB = [command('greet', 'Say hello again'), command('wave', 'Wave')];

describe('command sync marker', () => {
  let harness: BotHarness;
  let rest: REST;
  /** Two processes of one deployment: each its own Redis connection on the same key prefix. */
  let first: KeyValueStore;
  let second: KeyValueStore;

  const sync = (kv: KeyValueStore, commands: readonly RESTPostAPIApplicationCommandsJSONBody[], options: Partial<SyncCommandsOptions> = {}) =>
    syncCommands({ rest, applicationId: harness.emulator.applicationId, kv, logger: harness.logger, commands, ...options });
  const commandRequestsSince = (index: number) => harness.emulator.requests.slice(index).filter((request) => request.path.includes('/commands'));

  beforeAll(async () => {
    harness = await createBotHarness();
    rest = new REST({ api: harness.emulator.restUrl }).setToken(harness.emulator.botToken);
    first = createKeyValue({ redisUrl: harness.redis.url, prefix: harness.redis.prefix, logger: harness.logger });
    second = createKeyValue({ redisUrl: harness.redis.url, prefix: harness.redis.prefix, logger: harness.logger });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  it('GIVEN one process synced THEN a second process with the same commands skips with zero requests to the commands endpoints and says so at debug', async () => {
    await expect(sync(first, deployA)).resolves.toMatchObject({ applied: true, writes: 2 });

    const before = harness.emulator.requests.length;
    await expect(sync(second, deployA)).resolves.toEqual({ plans: [], applied: false, skipped: 'in-sync', writes: 0 });
    expect(commandRequestsSince(before)).toEqual([]);
    expect(harness.logs.some((line) => line.level === 'debug' && line.msg === 'deployment already in sync; command sync skipped')).toBe(true);
  });

  it('GIVEN the same commands in another order THEN they hash alike; GIVEN a changed command THEN the hash differs', () => {
    expect(commandSetHash([...deployA].reverse())).toBe(commandSetHash(deployA));
    expect(commandSetHash(deployB)).not.toBe(commandSetHash(deployA));
  });

  it('GIVEN a changed command set THEN the next process reads the registry and writes the change, and the process after it skips', async () => {
    const before = harness.emulator.requests.length;
    await expect(sync(second, deployB)).resolves.toMatchObject({ applied: true, writes: 1 });
    expect(commandRequestsSince(before).map((request) => request.method)).toEqual(['GET', 'PATCH']);
    expect(harness.emulator.commands().find((record) => record.body.name === 'greet')?.body['description']).toBe('Say hello again');

    const after = harness.emulator.requests.length;
    await expect(sync(first, deployB)).resolves.toMatchObject({ skipped: 'in-sync' });
    expect(commandRequestsSince(after)).toEqual([]);
  });

  it('GIVEN a command deleted outside baseline THEN an unforced sync leaves it missing; force and dry run read the registry and force restores it', async () => {
    const wave = harness.emulator.commands().find((record) => record.body.name === 'wave')!;
    await rest.delete(Routes.applicationCommand(harness.emulator.applicationId, wave.id));

    await expect(sync(first, deployB)).resolves.toMatchObject({ skipped: 'in-sync' });
    expect(harness.emulator.commands().map((record) => record.body.name)).toEqual(['greet']);

    const beforeDryRun = harness.emulator.requests.length;
    const dryRun = await sync(first, deployB, { dryRun: true });
    expect(dryRun.plans[0]?.create.map((body) => body.name)).toEqual(['wave']);
    expect(commandRequestsSince(beforeDryRun).map((request) => request.method)).toEqual(['GET']);

    const beforeForce = harness.emulator.requests.length;
    await expect(sync(second, deployB, { force: true })).resolves.toMatchObject({ applied: true, writes: 1 });
    expect(commandRequestsSince(beforeForce).map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(
      harness.emulator
        .commands()
        .map((record) => record.body.name)
        .sort(),
    ).toEqual(['greet', 'wave']);
  });

  it('GIVEN a marker time to live THEN the marker expires within it; GIVEN 0 THEN no marker is kept and every sync reads the registry', async () => {
    const key = commandSyncMarkerKey(harness.emulator.applicationId, null);
    await sync(first, deployB, { force: true, syncMarkerTtlMs: 60_000 });
    const ttl = await first.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);

    await first.del(key);
    await sync(first, deployB, { syncMarkerTtlMs: 0 });
    expect(await first.get(key)).toBeUndefined();
    const before = harness.emulator.requests.length;
    await expect(sync(second, deployB, { syncMarkerTtlMs: 0 })).resolves.toMatchObject({ applied: true, writes: 0 });
    expect(commandRequestsSince(before).map((request) => request.method)).toEqual(['GET']);
  });

  it('GIVEN guild scopes of which one is marked in sync THEN only the other guild is read', async () => {
    const { guildId } = demoGuild(harness.emulator);
    const other = harness.emulator.addGuild({ name: 'Other', owner: 'owner' });
    await sync(first, deployA, { guildIds: [guildId] });

    const before = harness.emulator.requests.length;
    const result = await sync(second, deployA, { guildIds: [guildId, other.id] });
    expect(result.plans.map((plan) => plan.guildId)).toEqual([other.id]);
    expect(commandRequestsSince(before).every((request) => request.path.includes(other.id))).toBe(true);
    expect(
      harness.emulator
        .commands(other.id)
        .map((record) => record.body.name)
        .sort(),
    ).toEqual(['greet', 'wave']);
  });
});
