import { types } from 'node:util';
import {
  ChannelManager,
  Collection,
  GuildBanManager,
  GuildChannelManager,
  GuildEmojiManager,
  GuildManager,
  GuildMemberManager,
  GuildMessageManager,
  GuildStickerManager,
  GuildTextThreadManager,
  LimitedCollection,
  MessageManager,
  PermissionOverwriteManager,
  PresenceManager,
  RoleManager,
  ThreadManager,
  UserManager,
  VoiceStateManager,
  type CacheFactory,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { BASELINE_CACHE_LIMITS, createCacheOptions } from '../../src/index.js';
import { createMakeCache } from '../../src/cache/create-make-cache.js';

type Manager = { name: string };
// discord.js calls makeCache with the manager's cache type (MessageManager for every message manager) and its class.
const cacheOf = (makeCache: CacheFactory, manager: Manager, type: Manager = manager) =>
  (makeCache as unknown as (type: Manager, holds: unknown, manager: Manager) => Collection<string, unknown>)(type, {}, manager);

describe('baseline makeCache', () => {
  const { makeCache } = createCacheOptions();

  it('GIVEN managers limited to 0 THEN all share one empty collection that drops what it is given', () => {
    const caches = [PresenceManager, GuildBanManager, GuildStickerManager, GuildEmojiManager].flatMap((manager) => [
      cacheOf(makeCache, manager),
      cacheOf(makeCache, manager),
    ]);
    expect(new Set(caches).size).toBe(1);
    const [shared] = caches as [LimitedCollection<string, unknown>];
    shared.set('1', {});
    expect([shared.size, shared.maxSize, Object.isFrozen(shared)]).toEqual([0, 0, true]);
  });

  it('GIVEN per-channel managers THEN each channel gets its own lazy cache with the configured limit', () => {
    const messages = [cacheOf(makeCache, GuildMessageManager, MessageManager), cacheOf(makeCache, GuildMessageManager, MessageManager)] as LimitedCollection<
      string,
      number
    >[];
    expect(messages[0]).not.toBe(messages[1]);
    expect(messages[0]).toBeInstanceOf(LimitedCollection);
    expect(messages[0]!.maxSize).toBe(BASELINE_CACHE_LIMITS.GuildMessageManager);
    expect(types.isMap(messages[0])).toBe(false);
    for (let index = 0; index < 30; index += 1) messages[0]!.set(String(index), index);
    expect([messages[0]!.size, messages[0]!.firstKey(), messages[1]!.size]).toEqual([25, '5', 0]);
    for (const [manager, type] of [[PermissionOverwriteManager], [GuildTextThreadManager, ThreadManager], [VoiceStateManager]] as const) {
      const cache = cacheOf(makeCache, manager, type);
      expect(cache, manager.name).not.toBeInstanceOf(LimitedCollection);
      expect(cache.constructor.name, manager.name).toBe('Collection');
      expect(types.isMap(cache), manager.name).toBe(false);
    }
  });

  it('GIVEN managers whose caches are never empty THEN they get real collections: channels, roles and guilds unlimited, members bounded', () => {
    for (const manager of [GuildManager, ChannelManager, GuildChannelManager, RoleManager]) {
      const cache = cacheOf(makeCache, manager);
      expect(types.isMap(cache), manager.name).toBe(true);
      expect(cache.constructor, manager.name).toBe(Collection);
    }
    for (const manager of [GuildMemberManager, UserManager]) {
      const cache = cacheOf(makeCache, manager) as LimitedCollection<string, unknown>;
      expect(cache, manager.name).toBeInstanceOf(LimitedCollection);
      expect([types.isMap(cache), cache.maxSize, typeof cache.keepOverLimit]).toEqual([true, 0, 'function']);
    }
  });

  it('GIVEN lazy: false THEN per-channel caches are plain discord.js collections with the same limits', () => {
    const plain = createCacheOptions({ lazy: false }).makeCache;
    const messages = cacheOf(plain, GuildMessageManager, MessageManager) as LimitedCollection<string, unknown>;
    expect([types.isMap(messages), messages.maxSize]).toEqual([true, 25]);
    expect(types.isMap(cacheOf(plain, PermissionOverwriteManager))).toBe(true);
    expect(cacheOf(plain, PresenceManager)).toBe(cacheOf(plain, GuildBanManager));
  });

  it('GIVEN settings for a manager and its cache type THEN the manager’s own wins, as in Options.cacheWithLimits', () => {
    const factory = createMakeCache({ MessageManager: 7, GuildMessageManager: 3 });
    expect((cacheOf(factory, GuildMessageManager, MessageManager) as LimitedCollection<string, unknown>).maxSize).toBe(3);
    const baseOnly = cacheOf(createMakeCache({ MessageManager: 7 }), GuildMessageManager, MessageManager) as LimitedCollection<string, unknown>;
    expect(baseOnly.maxSize).toBe(7);
    const overridden = createCacheOptions({ limits: { GuildMessageManager: 200, PresenceManager: { maxSize: Infinity } } }).makeCache;
    expect((cacheOf(overridden, GuildMessageManager, MessageManager) as LimitedCollection<string, unknown>).maxSize).toBe(200);
    const presences = cacheOf(overridden, PresenceManager);
    presences.set('1', {});
    expect(presences.size).toBe(1);
  });
});
