import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUptime } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

interface Embed {
  title: string;
  fields: { name: string; value: string }[];
}

describe('/status', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await createBotHarness({
      seed: {
        users: [{ username: 'owner' }, { username: 'alice' }],
        guilds: [
          { name: 'Demo', owner: 'owner', members: [{ user: 'alice' }] },
          { name: 'Second', owner: 'owner' },
        ],
      },
    });
    await harness.start();
  });
  afterAll(() => harness.close());

  it('GIVEN a member runs /status THEN an ephemeral embed reports uptime, guilds, shard, latency, database and Redis, and nothing is posted in the channel', async () => {
    const { guildId, channelId, aliceId } = demoGuild(harness.emulator);
    const handle = harness.emulator.invokeSlashCommand({ guildId, channelId, userId: aliceId, name: 'status' });
    expect((await handle.response()).ephemeral).toBe(true);
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(true);
    const [embed] = reply.embeds as Embed[];
    const field = (name: string) => embed!.fields.find((candidate) => candidate.name === name)?.value;
    expect(embed!.title).toBe('Bot status');
    expect(field('Uptime')).toMatch(/^(\d+[dhm] )*\d+s$/);
    expect(field('Guilds')).toBe('2');
    expect(field('Shard')).toBe('0 of 1');
    expect(field('Gateway latency')).toMatch(/ms|not measured yet/);
    expect(field('Database')).toMatch(/^ok \(\d+\.\d ms\)$/);
    expect(field('Redis')).toMatch(/^ok \(\d+\.\d ms\)$/);
    expect(harness.emulator.messages(channelId)).toEqual([]);
  });

  it('GIVEN durations THEN uptime reads in days, hours, minutes and seconds', () => {
    expect(formatUptime(93_784_000)).toBe('1d 2h 3m 4s');
    expect(formatUptime(4_000)).toBe('4s');
    expect(formatUptime(3_600_000)).toBe('1h 0m 0s');
  });
});
