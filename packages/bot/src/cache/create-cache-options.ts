import { Options, type CacheFactory, type CacheWithLimitsOptions, type SweeperOptions } from 'discord.js';
import { createMakeCache, type MakeCacheOptions } from './create-make-cache.js';

/** Options of {@link createCacheOptions}: per-manager limits and sweepers merged over baseline's defaults. */
export interface BotCacheOptions extends MakeCacheOptions {
  /** Limits per discord.js manager, e.g. `{ MessageManager: 100 }`; merged over {@link BASELINE_CACHE_LIMITS}. */
  limits?: CacheWithLimitsOptions;
  /** Sweepers, merged over {@link BASELINE_SWEEPERS}. */
  sweepers?: SweeperOptions;
}

const keepBot = <T extends { id: string; client: { user: { id: string } | null } }>(value: T) => value.id === value.client.user?.id;

/**
 * Cache limits for a bot in many guilds: what slash-command bots rarely read from the cache is not kept
 * (presences, reactions, invites, bans, stickers, …), messages are few, and members and users are not kept
 * except the bot's own (interactions carry the member and user they concern; others can be fetched). Guilds, channels, roles and permission overwrites stay unlimited: discord.js
 * needs them for permission checks.
 */
export const BASELINE_CACHE_LIMITS: CacheWithLimitsOptions = {
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 25,
  GuildMessageManager: 25,
  DMMessageManager: 10,
  GuildMemberManager: { maxSize: 0, keepOverLimit: keepBot },
  UserManager: { maxSize: 0, keepOverLimit: keepBot },
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  GuildBanManager: 0,
  GuildInviteManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
  ThreadMemberManager: 0,
  AutoModerationRuleManager: 0,
  ApplicationCommandManager: 0,
  BaseGuildEmojiManager: 0,
  GuildEmojiManager: 0,
};

/** Sweepers that drop old messages and users, and archived threads, every few minutes. */
export const BASELINE_SWEEPERS: SweeperOptions = {
  ...Options.DefaultSweeperSettings,
  messages: { interval: 300, lifetime: 900 },
  users: { interval: 3_600, filter: () => (user) => user.id !== user.client.user?.id },
  threads: { interval: 3_600, lifetime: 14_400 },
};

/**
 * The `makeCache` and `sweepers` client options baseline uses by default.
 *
 * @param options - limits and sweepers replacing baseline's per manager or sweeper kind.
 * @example
 * ```ts
 * new Client({ intents, ...createCacheOptions({ limits: { MessageManager: 200 } }) });
 * ```
 */
export function createCacheOptions(options: BotCacheOptions = {}): { makeCache: CacheFactory; sweepers: SweeperOptions } {
  return {
    makeCache: createMakeCache({ ...BASELINE_CACHE_LIMITS, ...options.limits }, { lazy: options.lazy ?? true }),
    sweepers: { ...BASELINE_SWEEPERS, ...options.sweepers },
  };
}
