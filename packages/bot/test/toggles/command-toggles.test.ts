import { createServices, definePlugin, listAuditLog, loadConfig, shardIdForGuild, type BaselineServices } from '@baseline/core';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, slashCommand, type Bot } from '../../src/index.js';
import { createBotHarness, type BotHarness } from '../runtime/support/bot-harness.js';

class PingCog extends Cog {
  static override meta = { name: 'pinger' };
  override commands = [
    slashCommand({ data: new SlashCommandBuilder().setName('ping').setDescription('Pong'), run: (interaction) => interaction.reply('pong') }),
    slashCommand({
      data: new SlashCommandBuilder().setName('secret').setDescription('Off unless a guild turns it on'),
      run: (interaction) => interaction.reply('psst'),
    }),
  ];
}

const plugin = definePlugin({ id: 'pinger', name: 'Pinger', version: '1.0.0', cogs: [PingCog], toggles: { commands: { secret: false } } });

describe('per-guild toggles: one bot process with two shards, changes written by another process (the API)', () => {
  let harness: BotHarness;
  let bot: Bot;
  let api: BaselineServices;
  let guildA: string;
  let guildB: string;
  let ownerId: string;

  beforeAll(async () => {
    harness = await createBotHarness({
      seed: { users: [{ username: 'owner' }], guilds: Array.from({ length: 6 }, (_, index) => ({ name: `g${index}`, owner: 'owner' })) },
    });
    ownerId = [...harness.emulator.state.users.values()].find((user) => user.username === 'owner')!.id;
    const guilds = [...harness.emulator.state.guilds.keys()];
    // Guild A on shard 0, guild B on shard 1.
    guildA = guilds.find((id) => shardIdForGuild(id, 2) === 0)!;
    guildB = guilds.find((id) => shardIdForGuild(id, 2) === 1)!;
    bot = await harness.start({ plugins: [plugin], config: loadConfig({ env: { ...harness.env, SHARD_COUNT: '2' }, envFiles: false }) });
    api = await createServices({
      service: 'api',
      config: loadConfig({ env: harness.env, envFiles: false }),
      logger: harness.logger,
      kvPrefix: harness.redis.prefix,
      discover: false,
      plugins: [plugin],
    });
  });
  afterAll(async () => {
    await api?.close();
    await harness?.close();
  });

  const run = async (guildId: string, name: string) => {
    const reply = await harness.emulator.invokeSlashCommand({ guildId, userId: ownerId, name }).reply();
    return { content: reply.content, ephemeral: reply.ephemeral };
  };
  /** Resolves once the bot's process heard `count` changes announced by another process. */
  const heard = (count: number) =>
    new Promise<void>((resolve) => {
      let left = count;
      const off = bot.services.toggles.onChange(() => {
        if (--left === 0) {
          off();
          resolve();
        }
      });
    });

  it('GIVEN the two guilds THEN they sit on different shards of the same bot', () => {
    expect(bot.client.guilds.cache.get(guildA)!.shardId).toBe(0);
    expect(bot.client.guilds.cache.get(guildB)!.shardId).toBe(1);
  });

  it('GIVEN a command disabled in guild A THEN A answers an ephemeral "disabled here" AND guild B still runs it', async () => {
    expect(await run(guildA, 'ping')).toEqual({ content: 'pong', ephemeral: false });
    const announced = heard(1);
    await api.toggles.set({ guildId: guildA, pluginId: 'pinger', command: 'ping', enabled: false, actorUserId: ownerId });
    await announced;
    expect(await run(guildA, 'ping')).toEqual({ content: 'This command is disabled here.', ephemeral: true });
    expect(await run(guildB, 'ping')).toEqual({ content: 'pong', ephemeral: false });
  });

  it('GIVEN changes for guilds on both shards THEN both shards follow them as soon as they are announced', async () => {
    const announced = heard(2);
    await api.toggles.set({ guildId: guildA, pluginId: 'pinger', command: 'ping', enabled: null, actorUserId: ownerId });
    await api.toggles.set({ guildId: guildB, pluginId: 'pinger', enabled: false, actorUserId: ownerId });
    await announced;
    expect(await run(guildA, 'ping')).toEqual({ content: 'pong', ephemeral: false });
    expect(await run(guildB, 'ping')).toEqual({ content: 'This command is disabled here.', ephemeral: true });
  });

  it('GIVEN a command the plugin disables by default THEN it is refused until a guild enables it, in that guild only', async () => {
    expect(await run(guildA, 'secret')).toEqual({ content: 'This command is disabled here.', ephemeral: true });
    const announced = heard(1);
    await api.toggles.set({ guildId: guildA, pluginId: 'pinger', command: 'secret', enabled: true, actorUserId: ownerId });
    await announced;
    expect(await run(guildA, 'secret')).toEqual({ content: 'psst', ephemeral: false });
    const [pinger] = await api.toggles.guild(guildA);
    expect(pinger).toEqual({
      pluginId: 'pinger',
      enabled: true,
      default: true,
      overridden: false,
      commands: { ping: { enabled: true, default: true, overridden: false }, secret: { enabled: true, default: false, overridden: true } },
    });
  });

  it('GIVEN toggle changes THEN each is in the guild’s audit log with its actor, before and after', async () => {
    const entries = await listAuditLog(api.db, guildA, { action: 'toggles.update' });
    expect(entries.map(({ actorUserId, target, before, after }) => ({ actorUserId, target, before, after }))).toEqual([
      { actorUserId: ownerId, target: 'pinger/secret', before: null, after: true },
      { actorUserId: ownerId, target: 'pinger/ping', before: false, after: null },
      { actorUserId: ownerId, target: 'pinger/ping', before: null, after: false },
    ]);
  });

  it('GIVEN an unknown plugin or command THEN the change is refused with a coded error and nothing is stored', async () => {
    await expect(api.toggles.set({ guildId: guildA, pluginId: 'nope', enabled: false })).rejects.toMatchObject({ code: 'BL_ERR_TOGGLES_UNKNOWN_PLUGIN' });
    await expect(api.toggles.set({ guildId: guildA, pluginId: 'pinger', command: 'nope', enabled: false })).rejects.toMatchObject({
      code: 'BL_ERR_TOGGLES_UNKNOWN_COMMAND',
    });
    expect(await listAuditLog(api.db, guildA, { action: 'toggles.update' })).toHaveLength(3);
  });
});
