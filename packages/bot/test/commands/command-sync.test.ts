import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, slashCommand, type CogClass } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

function cogWith(...commands: [name: string, description: string][]): CogClass {
  return class extends Cog {
    static override meta = { name: 'sync-subject' };
    override commands = commands.map(([name, description]) =>
      slashCommand({
        data: new SlashCommandBuilder()
          .setName(name)
          .setDescription(description)
          .addStringOption((option) => option.setName('text').setDescription('Text')),
        run: (interaction) => interaction.reply(name),
      }),
    );
  };
}

const WRITE = /^(POST|PATCH|DELETE|PUT)$/;

describe('command sync', () => {
  let harness: BotHarness;
  const writesSince = (index: number) =>
    harness.emulator.requests.slice(index).filter((request) => WRITE.test(request.method) && request.path.includes('/commands'));

  beforeAll(async () => {
    harness = await createBotHarness();
  });
  afterAll(() => harness.close());

  it('GIVEN a first boot THEN every command is created; GIVEN a second boot with the same commands THEN it skips without a request to the commands endpoints', async () => {
    const first = await harness.start({ cogs: [cogWith(['greet', 'Say hello'], ['wave', 'Wave'])] });
    expect(first.commands.lastSync?.writes).toBe(4);
    expect(
      harness.emulator
        .commands()
        .map((command) => command.body.name)
        .sort(),
    ).toEqual(['greet', 'privacy', 'status', 'wave']);
    await first.close();

    const before = harness.emulator.requests.length;
    const second = await harness.start({ cogs: [cogWith(['greet', 'Say hello'], ['wave', 'Wave'])] });
    expect(second.commands.lastSync).toMatchObject({ applied: false, skipped: 'in-sync', writes: 0 });
    expect(harness.emulator.requests.slice(before).filter((request) => request.path.includes('/commands'))).toEqual([]);
    const { guildId, aliceId } = demoGuild(harness.emulator);
    expect((await harness.emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'greet' }).response()).data).toMatchObject({ content: 'greet' });
    await second.close();
  });

  it('GIVEN changed commands and a dry run THEN the plan lists create, update and delete and nothing is written; the real sync writes exactly those', async () => {
    const before = harness.emulator.requests.length;
    const bot = await harness.start({ cogs: [cogWith(['greet', 'Say hello again'], ['cheer', 'Cheer'])], commandSync: { dryRun: true } });
    const [plan] = bot.commands.lastSync!.plans;
    expect(plan).toMatchObject({ guildId: null, unchanged: ['status', 'privacy'] });
    expect(plan!.create.map((body) => body.name)).toEqual(['cheer']);
    expect(plan!.update.map((entry) => entry.body.name)).toEqual(['greet']);
    expect(plan!.delete.map((entry) => entry.name)).toEqual(['wave']);
    expect(writesSince(before)).toEqual([]);
    expect(harness.logs.some((line) => String(line['plan']).includes('+ create /cheer'))).toBe(true);

    const result = await bot.commands.sync();
    expect(result.writes).toBe(3);
    expect(
      writesSince(before)
        .map((request) => request.method)
        .sort(),
    ).toEqual(['DELETE', 'PATCH', 'POST']);
    expect(harness.emulator.commands().find((command) => command.body.name === 'greet')?.body['description']).toBe('Say hello again');
    await bot.close();
  });

  it('GIVEN guild ids THEN commands are registered in those guilds only', async () => {
    const { guildId } = demoGuild(harness.emulator);
    const globalBefore = harness.emulator.commands().length;
    const bot = await harness.start({ cogs: [cogWith(['local', 'Local'])], commandSync: { guildIds: [guildId] } });
    expect(
      harness.emulator
        .commands(guildId)
        .map((command) => command.body.name)
        .sort(),
    ).toEqual(['local', 'privacy', 'status']);
    expect(harness.emulator.commands()).toHaveLength(globalBefore);
    await bot.close();
  });

  it('GIVEN creations beyond the daily limit THEN the sync is refused with a coded error before any write', async () => {
    const { guildId } = demoGuild(harness.emulator);
    const bot = await harness.start({ cogs: [cogWith(['one', 'One'], ['two', 'Two'], ['three', 'Three'])], commandSync: false });
    const before = harness.emulator.requests.length;
    // `local`, `status` and `privacy` were created in this guild today: 3 + 3 new > 5.
    await expect(bot.commands.sync({ guildIds: [guildId], dailyCreateLimit: 5 })).rejects.toMatchObject({ code: 'BL_ERR_COMMANDS_CREATE_LIMIT' });
    expect(writesSince(before)).toEqual([]);
    await expect(bot.commands.sync({ guildIds: [guildId], dailyCreateLimit: 6 })).resolves.toMatchObject({ writes: 4 });
    await bot.close();
  });

  it('GIVEN two syncs at once THEN one runs and the other skips on the lock', async () => {
    const bot = await harness.start({ cogs: [cogWith(['greet', 'Say hello'])], commandSync: false });
    const results = await Promise.all([bot.commands.sync(), bot.commands.sync()]);
    expect(results.map((result) => result.skipped ?? 'ran').sort()).toEqual(['locked', 'ran']);
    await bot.close();
  });
});
