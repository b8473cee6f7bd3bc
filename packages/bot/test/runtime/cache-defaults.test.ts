import { GuildMemberManager, LimitedCollection, MessageManager, PresenceManager, RoleManager } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCacheOptions } from '../../src/index.js';
import { createBotHarness, type BotHarness } from './support/bot-harness.js';

describe('cache defaults', () => {
  it('GIVEN no overrides THEN messages and members are bounded, presences off, roles unlimited; overrides replace per manager', () => {
    const { makeCache } = createCacheOptions();
    const messages = makeCache(MessageManager as never, {} as never, {} as never);
    expect(messages).toBeInstanceOf(LimitedCollection);
    expect((messages as LimitedCollection<string, unknown>).maxSize).toBe(25);
    expect((makeCache(PresenceManager as never, {} as never, {} as never) as LimitedCollection<string, unknown>).maxSize).toBe(0);
    expect(makeCache(RoleManager as never, {} as never, {} as never)).not.toBeInstanceOf(LimitedCollection);
    const custom = createCacheOptions({ limits: { MessageManager: 200 } }).makeCache(MessageManager as never, {} as never, {} as never);
    expect((custom as LimitedCollection<string, unknown>).maxSize).toBe(200);
    expect(makeCache(GuildMemberManager as never, {} as never, {} as never)).toBeInstanceOf(LimitedCollection);
  });

  describe('GIVEN a guild with 60 members all sent at connect', () => {
    let harness: BotHarness;
    beforeAll(async () => {
      const users = Array.from({ length: 60 }, (_, index) => ({ username: `member${index}` }));
      harness = await createBotHarness({
        gateway: { guildCreateMembers: 'all' },
        seed: { users: [{ username: 'owner' }, ...users], guilds: [{ name: 'Big', owner: 'owner', members: users.map((user) => ({ user: user.username })) }] },
      });
    });
    afterAll(() => harness.close());

    it('THEN the member cache stays bounded and keeps the bot itself', async () => {
      const bot = await harness.start({ clientOptions: { ...harness.emulator.clientOptions(), intents: ['Guilds', 'GuildMembers'] } });
      const guild = bot.client.guilds.cache.first()!;
      expect(guild.memberCount).toBe(62);
      expect([...guild.members.cache.keys()]).toEqual([bot.client.user.id]);
      expect(guild.members.cache.has(bot.client.user.id)).toBe(true);
      expect(guild.members.me).not.toBeNull();
      await bot.close();
    });

    it('THEN with discord.js defaults (cache: false) every member is cached', async () => {
      const bot = await harness.start({ cache: false, clientOptions: { ...harness.emulator.clientOptions(), intents: ['Guilds', 'GuildMembers'] } });
      expect(bot.client.guilds.cache.first()!.members.cache.size).toBe(62);
      await bot.close();
    });
  });
});
