import { definePlugin } from '@baseline/core';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, defineCog, slashCommand, type Bot } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

class WorkingCog extends Cog {
  static override meta = { name: 'working' };
  override commands = [
    slashCommand({ data: new SlashCommandBuilder().setName('hello').setDescription('Hi'), run: (interaction) => interaction.reply('hello v1') }),
  ];
}

class ExplodingCog extends Cog {
  static override meta = { name: 'exploding' };
  constructor(...args: ConstructorParameters<typeof Cog>) {
    super(...args);
    throw new Error('cannot start');
  }
}

const StealingCog = defineCog({
  name: 'stealing',
  handlers: () => ({
    commands: [slashCommand({ data: new SlashCommandBuilder().setName('hello').setDescription('Mine'), run: (interaction) => interaction.reply('stolen') })],
  }),
});

class FailingOnLoadCog extends Cog {
  static override meta = { name: 'failing-on-load' };
  override commands = [
    slashCommand({ data: new SlashCommandBuilder().setName('never').setDescription('Never registered'), run: (interaction) => interaction.reply('never') }),
  ];
  override onLoad() {
    throw new Error('no config');
  }
}

const working = definePlugin({ id: 'working', name: 'Working', version: '1.0.0', cogs: [WorkingCog] });
const broken = definePlugin({ id: 'broken', name: 'Broken', version: '1.0.0', cogs: [ExplodingCog, StealingCog, FailingOnLoadCog] });

describe('cog loading', () => {
  let harness: BotHarness;
  let bot: Bot;
  let ids: ReturnType<typeof demoGuild>;
  beforeAll(async () => {
    harness = await createBotHarness();
    bot = await harness.start({ plugins: [working, broken] });
    ids = demoGuild(harness.emulator);
  });
  afterAll(() => harness.close());

  it('GIVEN a broken plugin beside a working one THEN the broken cogs are skipped with coded errors and the working one answers', async () => {
    expect(bot.cogs.list().map((loaded) => loaded.name)).toEqual(['baseline-status', 'baseline-privacy', 'working']);
    expect(bot.cogs.failures.map((failure) => [failure.pluginId, failure.cogName, failure.error.code])).toEqual([
      ['broken', 'exploding', 'BL_ERR_COG_LOAD_FAILED'],
      ['broken', 'stealing', 'BL_ERR_COG_CONFLICT'],
      ['broken', 'failing-on-load', 'BL_ERR_COG_LOAD_FAILED'],
    ]);
    expect(bot.client.stores.get('commands').has('never')).toBe(false);
    expect(bot.commands.desired().map((body) => body.name)).not.toContain('never');
    expect(harness.logs.find((line) => line.msg === 'cog skipped' && line['cog'] === 'exploding')).toMatchObject({
      plugin: 'broken',
      code: 'BL_ERR_COG_LOAD_FAILED',
    });
    const response = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'hello' }).response();
    expect(response.data).toMatchObject({ content: 'hello v1' });
  });

  it('GIVEN a loaded cog WHEN it is reloaded with a new class THEN the new handler answers under the same plugin', async () => {
    class WorkingV2 extends Cog {
      static override meta = { name: 'working' };
      override commands = [
        slashCommand({ data: new SlashCommandBuilder().setName('hello').setDescription('Hi'), run: (interaction) => interaction.reply('hello v2') }),
      ];
    }
    const loaded = await bot.cogs.reload('working', WorkingV2);
    expect(loaded?.pluginId).toBe('working');
    const response = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'hello' }).response();
    expect(response.data).toMatchObject({ content: 'hello v2' });
  });

  it('GIVEN a reload whose new class throws THEN the previous class is loaded again and the failure returned', async () => {
    class BrokenV3 extends Cog {
      static override meta = { name: 'working' };
      constructor(...args: ConstructorParameters<typeof Cog>) {
        super(...args);
        throw new Error('v3 broken');
      }
    }
    expect(await bot.cogs.reload('working', BrokenV3)).toBeUndefined();
    expect(bot.cogs.get('working')?.cogClass.name).toBe('WorkingV2');
  });

  it('GIVEN a cog WHEN it is unloaded THEN its command no longer answers and the bot keeps running', async () => {
    await bot.cogs.unload('working');
    expect(bot.client.stores.get('commands').has('hello')).toBe(false);
    const stale = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'hello' }).response();
    expect(stale).toMatchObject({ ephemeral: true, data: { content: 'This command is not available right now.' } });
    const status = harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'status' });
    expect((await status.response()).ephemeral).toBe(true);
    await expect(bot.cogs.unload('working')).rejects.toMatchObject({ code: 'BL_ERR_COG_UNKNOWN' });
  });
});
