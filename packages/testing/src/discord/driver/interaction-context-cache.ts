import type { EmulatorState } from '../state/emulator-state.js';
import { memberPayload } from '../state/payloads.js';
import type { ChannelRecord, GuildRecord } from '../state/records.js';

/** The parts of a guild interaction that depend only on who acts where, built and serialised once per state version. */
export interface InteractionContext {
  /** The member's permissions in the channel (decimal string). */
  permissions: string;
  /** The bot's permissions in the channel (decimal string). */
  appPermissions: string;
  /** `guild` of the payload. */
  guild: Record<string, unknown>;
  /** `member` of the payload, with `permissions`. */
  member: Record<string, unknown>;
  /** `"guild":…,"member":…` as JSON, spliced into the serialised payload. */
  json: string;
}

/** Entries kept at most; a larger working set is rebuilt rather than grown without bound. */
const MAX_ENTRIES = 10_000;

/**
 * Member, guild and permission parts of guild interactions per (channel, user), valid while
 * {@link EmulatorState.version} is unchanged: every driver or REST change to users, members, roles, guilds or
 * channels bumps it, and the next interaction rebuilds its parts. The channel object is not cached (its
 * `last_message_id` moves with every reply). Cached objects are shared by the payloads built from them, so they
 * must be read only.
 */
export class InteractionContextCache {
  readonly #entries = new Map<string, InteractionContext>();
  #version = -1;

  constructor(
    private readonly state: EmulatorState,
    private readonly applicationId: string,
  ) {}

  /** The context of `userId` (a member of `guild`) acting in `channel`. */
  get(guild: GuildRecord, channel: ChannelRecord, userId: string): InteractionContext {
    const { state } = this;
    if (state.version !== this.#version || this.#entries.size >= MAX_ENTRIES) {
      this.#entries.clear();
      this.#version = state.version;
    }
    const key = `${channel.id}:${userId}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      const member = guild.members.get(userId)!;
      const permissions = state.channelPermissions(guild, channel, userId).toString();
      const guildObject = { id: guild.id, locale: guild.preferredLocale, features: guild.features };
      const memberObject = memberPayload(state, member);
      memberObject['permissions'] = permissions;
      entry = {
        permissions,
        appPermissions: state.channelPermissions(guild, channel, this.applicationId).toString(),
        guild: guildObject,
        member: memberObject,
        json: `"guild":${JSON.stringify(guildObject)},"member":${JSON.stringify(memberObject)}`,
      };
      this.#entries.set(key, entry);
    }
    return entry;
  }
}
