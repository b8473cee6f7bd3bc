import { loadConfig } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotHarness, demoGuild, type BotHarness } from '../../packages/bot/test/runtime/support/bot-harness.js';
import { createTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

interface Embed {
  title: string;
  fields: { name: string; value: string }[];
}
const field = (embeds: unknown[], name: string) => (embeds[0] as Embed).fields.find((candidate) => candidate.name === name)?.value;

// A real bot (createBot, discord.js) against the Discord emulator, its Redis reached through a proxy the test controls.
describe('a bot under gateway and Redis faults', () => {
  let harness: BotHarness;
  let proxy: TcpProxy;
  beforeAll(async () => {
    harness = await createBotHarness();
    proxy = await createTcpProxy({ target: { host: '127.0.0.1', port: Number(new URL(harness.redis.url).port) } });
    await harness.start({ config: loadConfig({ env: { ...harness.env, REDIS_URL: proxy.rewrite(harness.redis.url) }, envFiles: false }) });
  });
  afterAll(async () => {
    await proxy?.start();
    await harness?.close();
    await proxy?.close();
  });

  const acknowledgedTwice = () => harness.logs.filter((line) => JSON.stringify(line).includes('already been acknowledged'));

  it('GIVEN the gateway connection dropped while interactions are in flight THEN each one is answered exactly once', async () => {
    const { guildId, channelId, aliceId } = demoGuild(harness.emulator);
    const before = harness.emulator.interactions().length;
    const invoke = () => harness.emulator.invokeSlashCommand({ guildId, channelId, userId: aliceId, name: 'status' });
    const handles = Array.from({ length: 5 }, invoke);
    expect(harness.emulator.dropShard(0, 1006)).toBeGreaterThan(0);
    handles.push(...Array.from({ length: 5 }, invoke));

    const replies = await Promise.all(handles.map((handle) => handle.reply(30_000)));
    expect(replies.map((reply) => (reply.embeds[0] as Embed).title)).toEqual(Array(10).fill('Bot status'));
    const records = harness.emulator.interactions().slice(before);
    expect(records).toHaveLength(10);
    expect(records.every((record) => record.response !== null)).toBe(true);
    // A second answer to one interaction is refused by Discord (40060) and would show in the bot's logs.
    expect(acknowledgedTwice()).toEqual([]);
    expect(harness.emulator.messages(channelId)).toEqual([]);
  });

  it('GIVEN Redis down THEN the bot keeps answering commands and reports Redis as down AND once Redis is back it reports it healthy again', async () => {
    const { guildId, channelId, aliceId } = demoGuild(harness.emulator);
    const status = async () => (await harness.emulator.invokeSlashCommand({ guildId, channelId, userId: aliceId, name: 'status' }).reply(30_000)).embeds;

    await proxy.stop();
    const down = await status();
    expect(field(down, 'Redis')).not.toMatch(/^ok/);
    expect(field(down, 'Database')).toMatch(/^ok/);

    await proxy.start();
    await expect.poll(async () => field(await status(), 'Redis'), { timeout: 30_000, interval: 500 }).toMatch(/^ok \(/);
    expect(acknowledgedTwice()).toEqual([]);
  });
});
