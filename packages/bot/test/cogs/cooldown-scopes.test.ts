import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, slashCommand, type CooldownScope } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

const cooled = (name: string, scope: CooldownScope) =>
  slashCommand({
    data: new SlashCommandBuilder().setName(name).setDescription(`Cooldown per ${scope}`),
    cooldown: { durationMs: 60_000, scope },
    run: (interaction) => interaction.reply(`${name} ok`),
  });

class ScopesCog extends Cog {
  static override meta = { name: 'scopes' };
  override commands = [
    cooled('per-guild', 'guild'),
    cooled('per-channel', 'channel'),
    cooled('per-member', 'member'),
    slashCommand({
      data: new SlashCommandBuilder().setName('closed').setDescription('A check that says no'),
      checks: [() => false],
      run: (interaction) => interaction.reply('never'),
    }),
    slashCommand({
      data: new SlashCommandBuilder().setName('broken-check').setDescription('A check that throws'),
      checks: [
        () => {
          throw new Error('check crashed');
        },
      ],
      run: (interaction) => interaction.reply('never'),
    }),
  ];
}

// Who shares a cooldown, as users see it: the second use by someone sharing the key is refused with the seconds left.
describe('command cooldown scopes and checks', () => {
  let harness: BotHarness;
  let ids: ReturnType<typeof demoGuild>;
  let otherChannelId: string;
  beforeAll(async () => {
    harness = await createBotHarness();
    await harness.start({ cogs: [ScopesCog] });
    ids = demoGuild(harness.emulator);
    otherChannelId = harness.emulator.addChannel(ids.guildId, { name: 'other' }).id;
  });
  afterAll(() => harness.close());

  /** The content of the answer to `name` run by `userId`, in the guild's channel (default), another channel, or a DM. */
  const run = async (name: string, userId: string, where: 'channel' | 'other' | 'dm' = 'channel') => {
    const place = where === 'dm' ? {} : { guildId: ids.guildId, channelId: where === 'other' ? otherChannelId : ids.channelId };
    const response = await harness.emulator.invokeSlashCommand({ ...place, userId, name }).response();
    return (response.data as { content: string }).content;
  };
  const refused = expect.stringMatching(/^This command is on cooldown; try again in \d+ s\.$/);

  it('GIVEN scope guild THEN everyone in the guild shares it, and in DMs each user has their own', async () => {
    expect(await run('per-guild', ids.aliceId)).toBe('per-guild ok');
    expect(await run('per-guild', ids.ownerId)).toEqual(refused);
    expect(await run('per-guild', ids.aliceId, 'dm')).toBe('per-guild ok');
    expect(await run('per-guild', ids.ownerId, 'dm')).toBe('per-guild ok');
    expect(await run('per-guild', ids.aliceId, 'dm')).toEqual(refused);
  });

  it('GIVEN scope channel THEN everyone in the channel shares it and another channel is free', async () => {
    expect(await run('per-channel', ids.aliceId)).toBe('per-channel ok');
    expect(await run('per-channel', ids.ownerId)).toEqual(refused);
    expect(await run('per-channel', ids.aliceId, 'other')).toBe('per-channel ok');
  });

  it('GIVEN scope member THEN each user has their own per guild, and one more in DMs', async () => {
    expect(await run('per-member', ids.aliceId)).toBe('per-member ok');
    expect(await run('per-member', ids.aliceId, 'other')).toEqual(refused);
    expect(await run('per-member', ids.ownerId)).toBe('per-member ok');
    expect(await run('per-member', ids.aliceId, 'dm')).toBe('per-member ok');
  });

  it('GIVEN a check that says no without a message THEN the user reads the default denial; GIVEN a check that throws THEN the error reply with a reference', async () => {
    expect(await run('closed', ids.aliceId)).toBe('You cannot use this command here.');
    expect(await run('broken-check', ids.aliceId)).toMatch(/^Something went wrong while handling this\. Reference: `[0-9a-f-]{36}`$/);
  });
});
