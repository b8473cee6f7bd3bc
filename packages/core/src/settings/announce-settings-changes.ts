import type { KeyValueStore } from '../kv/key-value-store.js';
import { SETTINGS_CHANGED_CHANNEL, settingsVersionKey, type SettingsChangeMessage } from './settings-change.js';

/** Raises each namespace's version and announces it, returning the versions in the order given. */
export type SettingsAnnouncer = (guildId: string, namespaces: readonly string[], actorUserId: string | undefined) => Promise<number[]>;

// KEYS: the namespaces' version counters. ARGV: channel, guild id, actor or '', origin, then the namespaces.
// Returns the new versions. The message has the fields of SettingsChangeMessage.
const ANNOUNCE_SCRIPT = `
local versions = {}
for index, key in ipairs(KEYS) do
  local version = redis.call('INCR', key)
  local message = { guildId = ARGV[2], namespace = ARGV[4 + index], version = version, origin = ARGV[4] }
  if ARGV[3] ~= '' then message.actorUserId = ARGV[3] end
  redis.call('PUBLISH', ARGV[1], cjson.encode(message))
  versions[index] = version
end
return versions`;

/**
 * Announces settings writes to every process: on Redis one script raises every namespace's version counter and
 * publishes each change in a single round trip; on the in-memory store the same steps run one by one.
 *
 * @param origin - identifies the registry that wrote, so it can ignore its own announcements
 */
export function createSettingsAnnouncer(kv: KeyValueStore, origin: string): SettingsAnnouncer {
  const redis = kv.redis;
  if (redis !== undefined) {
    if (!('baselineSettingsAnnounce' in redis)) redis.defineCommand('baselineSettingsAnnounce', { lua: ANNOUNCE_SCRIPT });
    const announce = (redis as unknown as Record<string, (...args: unknown[]) => Promise<number[]>>).baselineSettingsAnnounce!.bind(redis);
    return async (guildId, namespaces, actorUserId) => {
      if (namespaces.length === 0) return [];
      const keys = namespaces.map((namespace) => `${kv.prefix}${settingsVersionKey(guildId, namespace)}`);
      const versions = await announce(keys.length, ...keys, `${kv.prefix}${SETTINGS_CHANGED_CHANNEL}`, guildId, actorUserId ?? '', origin, ...namespaces);
      return versions.map(Number);
    };
  }
  return async (guildId, namespaces, actorUserId) => {
    const versions: number[] = [];
    for (const namespace of namespaces) {
      const version = await kv.incr(settingsVersionKey(guildId, namespace));
      const message: SettingsChangeMessage = { guildId, namespace, version, actorUserId, origin };
      await kv.publish(SETTINGS_CHANGED_CHANNEL, JSON.stringify(message));
      versions.push(version);
    }
    return versions;
  };
}
