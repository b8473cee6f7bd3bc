import { definePlugin } from '@baseline/core';
import { ApplicationCommandType, ContextMenuCommandBuilder, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, component, contextMenu, modal, slashCommand, type Bot, type CogChange, type CogClass } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

const ping = (name: string, answer = name) =>
  slashCommand({ data: new SlashCommandBuilder().setName(name).setDescription(name), run: (interaction) => interaction.reply(answer) });

/** A cog class named `name` whose instances declare what `declare` returns. */
const cogNamed = (name: string, declare: Partial<Pick<Cog, 'commands' | 'components' | 'modals'>> = {}): CogClass =>
  class extends Cog {
    static override meta = { name };
    override commands = declare.commands ?? [];
    override components = declare.components ?? [];
    override modals = declare.modals ?? [];
  };

class VotesCog extends Cog {
  static override meta = { name: 'votes' };
  override commands = [ping('vote')];
  override components = [component({ customId: 'votes-pick', run: (interaction) => interaction.reply('picked') })];
  override modals = [modal({ customId: 'votes-form', run: (interaction) => interaction.reply('sent') })];
}

const votes = definePlugin({ id: 'votes', name: 'Votes', version: '1.0.0', cogs: [VotesCog] });

// Runtime loading and unloading through `bot.cogs` on a logged-in bot: what a broken cog gets back, what still answers.
describe('cog manager: malformed, conflicting and failing cogs at runtime', () => {
  let harness: BotHarness;
  let bot: Bot;
  beforeAll(async () => {
    harness = await createBotHarness();
    bot = await harness.start({ plugins: [votes] });
  });
  afterAll(() => harness.close());

  /** Loads `cogClass` and returns the code and message of the failure it records. */
  const failureOf = async (cogClass: unknown, pluginId?: string) => {
    const origin = pluginId === undefined ? undefined : { pluginId, settingsNamespace: pluginId, logger: harness.logger };
    expect(await bot.cogs.load(cogClass as CogClass, origin)).toBeUndefined();
    const failure = bot.cogs.failures.at(-1)!;
    return { code: failure.error.code, message: failure.error.message, cogName: failure.cogName, pluginId: failure.pluginId };
  };

  it('GIVEN something that is not a cog class with a kebab-case name THEN BL_ERR_COG_INVALID, naming the plugin or the app', async () => {
    for (const notACog of [undefined, {}, class NoMeta {}, cogNamed('Bad_Name'), cogNamed('')]) {
      expect(await failureOf(notACog)).toMatchObject({ code: 'BL_ERR_COG_INVALID', message: expect.stringContaining('a cog of plugin "app"') });
    }
    expect(await failureOf(cogNamed('Bad_Name'), 'votes')).toMatchObject({
      code: 'BL_ERR_COG_INVALID',
      cogName: 'Bad_Name',
      pluginId: 'votes',
      message: expect.stringContaining('a cog of plugin "votes"'),
    });
  });

  it('GIVEN the name of a loaded cog THEN BL_ERR_COG_CONFLICT names both owners', async () => {
    expect(await failureOf(cogNamed('votes'))).toMatchObject({
      code: 'BL_ERR_COG_CONFLICT',
      message: 'cog "votes" of plugin "app" has the name of a cog already loaded (plugin "votes")',
    });
    expect(await failureOf(cogNamed('baseline-status'), 'votes')).toMatchObject({
      code: 'BL_ERR_COG_CONFLICT',
      message: 'cog "baseline-status" of plugin "votes" has the name of a cog already loaded (plugin "app")',
    });
  });

  it('GIVEN a cog declaring a command, a component or a modal twice, or one another cog holds THEN BL_ERR_COG_CONFLICT and nothing of it is registered', async () => {
    const cases: [CogClass, string][] = [
      [cogNamed('twice-command', { commands: [ping('echo'), ping('echo')] }), 'declares command "echo" twice, already declared by cog "twice-command"'],
      // Sapphire keys commands by lowercased name: a context menu "Vote" would take the slash command "vote"'s place.
      [
        cogNamed('taken-command', {
          commands: [contextMenu({ data: new ContextMenuCommandBuilder().setName('Vote').setType(ApplicationCommandType.User), run: () => {} })],
        }),
        'declares command "Vote", already declared by cog "votes"',
      ],
      [
        cogNamed('twice-button', { components: [component({ customId: 'mine', run: () => {} }), component({ customId: 'MINE', run: () => {} })] }),
        'declares component "MINE" twice',
      ],
      [
        cogNamed('taken-button', { components: [component({ customId: 'votes-pick', run: () => {} })] }),
        'declares component "votes-pick", already declared by cog "votes"',
      ],
      [cogNamed('taken-form', { modals: [modal({ customId: 'Votes-Form', run: () => {} })] }), 'declares modal "Votes-Form", already declared by cog "votes"'],
    ];
    for (const [cogClass, message] of cases) {
      expect(await failureOf(cogClass)).toMatchObject({ code: 'BL_ERR_COG_CONFLICT', message: expect.stringContaining(message) });
      expect(bot.cogs.get(cogClass.meta.name)).toBeUndefined();
    }
    expect(bot.client.stores.get('commands').has('echo')).toBe(false);
    const { guildId, aliceId } = demoGuild(harness.emulator);
    expect((await harness.emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'vote' }).response()).data).toMatchObject({ content: 'vote' });
  });

  it('GIVEN a constructor or onLoad throwing something that is not an Error, or a command with no body THEN BL_ERR_COG_LOAD_FAILED says what was thrown', async () => {
    class ThrowsString extends Cog {
      static override meta = { name: 'throws-string' };
      constructor(...args: ConstructorParameters<typeof Cog>) {
        super(...args);
        throw 'no database';
      }
    }
    expect(await failureOf(ThrowsString, 'votes')).toMatchObject({
      code: 'BL_ERR_COG_LOAD_FAILED',
      message: 'cog "throws-string" of plugin "votes" threw in its constructor: no database',
    });

    class RejectsOnLoad extends Cog {
      static override meta = { name: 'rejects-on-load' };
      override commands = [ping('never-here')];
      override onLoad() {
        return Promise.reject(42);
      }
    }
    expect(await failureOf(RejectsOnLoad)).toMatchObject({
      code: 'BL_ERR_COG_LOAD_FAILED',
      message: 'cog "rejects-on-load" of plugin "app" failed to load: 42',
    });
    expect(bot.client.stores.get('commands').has('never-here')).toBe(false);

    class NoBody extends Cog {
      static override meta = { name: 'no-body' };
      override commands = [{ kind: 'slash', data: null } as never];
    }
    expect(await failureOf(NoBody)).toMatchObject({
      code: 'BL_ERR_COG_LOAD_FAILED',
      cogName: 'no-body',
      message: expect.stringMatching(/^cog "no-body" failed to load: /),
    });
  });

  it('GIVEN a cog whose onUnload throws THEN it is unloaded anyway and the failure logged', async () => {
    class Stubborn extends Cog {
      static override meta = { name: 'stubborn' };
      override commands = [ping('stubborn')];
      override onUnload() {
        throw new Error('still busy');
      }
    }
    expect(await bot.cogs.load(Stubborn)).toBeDefined();
    await bot.cogs.unload('stubborn');
    expect(bot.cogs.get('stubborn')).toBeUndefined();
    expect(bot.client.stores.get('commands').has('stubborn')).toBe(false);
    expect(harness.logs.find((line) => line.msg === 'cog onUnload failed')).toMatchObject({ cog: 'stubborn', err: { message: 'still busy' } });
  });

  it('GIVEN change listeners, one throwing THEN load and unload succeed, the others hear both, and a removed one hears nothing (regression: a listener throwing synchronously made a loaded cog count as failed and unload throw)', async () => {
    const heard: string[] = [];
    const removed: string[] = [];
    const offFailing = bot.cogs.onChange(() => {
      throw new Error('listener broke');
    });
    const offHeard = bot.cogs.onChange(async (change: CogChange) => void heard.push(`${change.type} ${change.cog.name}`));
    const offRemoved = bot.cogs.onChange((change) => void removed.push(change.cog.name));
    offRemoved();
    const failures = bot.cogs.failures.length;
    expect(await bot.cogs.load(cogNamed('listened', { commands: [ping('listened')] }))).toMatchObject({ name: 'listened' });
    await bot.cogs.unload('listened');
    expect(bot.cogs.failures.length).toBe(failures);
    offFailing();
    offHeard();
    expect(heard).toEqual(['loaded listened', 'unloaded listened']);
    expect(removed).toEqual([]);
    expect(harness.logs.filter((line) => line.msg === 'a cog loaded listener failed' || line.msg === 'a cog unloaded listener failed')).toHaveLength(2);
  });

  it('GIVEN reload without a class THEN a fresh instance of the same class answers; GIVEN an unknown name THEN BL_ERR_COG_UNKNOWN', async () => {
    const before = bot.cogs.get('votes')!.cog;
    const reloaded = await bot.cogs.reload('votes');
    expect(reloaded?.cog).not.toBe(before);
    expect(reloaded).toMatchObject({ name: 'votes', pluginId: 'votes', commands: ['vote'] });
    const { guildId, aliceId } = demoGuild(harness.emulator);
    expect((await harness.emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'vote' }).response()).data).toMatchObject({ content: 'vote' });
    await expect(bot.cogs.reload('nobody')).rejects.toMatchObject({ code: 'BL_ERR_COG_UNKNOWN' });
  });
});
