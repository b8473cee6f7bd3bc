import type { EmulatorState } from '../state/emulator-state.js';
import { channelPayload, memberPayload } from '../state/payloads.js';
import type { ChannelRecord, GuildRecord } from '../state/records.js';

/** The parts of a guild interaction that depend only on who acts where, serialised once per state version. */
export interface InteractionContext {
  /**
   * `"guild_id":…` through `"member":…` as JSON (guild, locale, app permissions, integration owners, context,
   * guild and member objects), spliced into the serialised payload.
   */
  fields: string;
  /**
   * The `channel` object as JSON without its closing brace and without `last_message_id`, which moves with every
   * message and is appended per interaction; null for threads, whose message counts move too (built each time).
   */
  channelOpen: string | null;
  /** The member's permissions in the channel (decimal string), the `channel.permissions` of the payload. */
  permissions: string;
}

/** Entries kept at most; a larger working set is rebuilt rather than grown without bound. */
const MAX_ENTRIES = 10_000;

/**
 * Member, guild and permission parts of guild interactions per (channel, user), valid while
 * {@link EmulatorState.version} is unchanged: every driver or REST change to users, members, roles, guilds or
 * channels bumps it, and the next interaction rebuilds its parts. The channel's `last_message_id` moves with every
 * reply without a version change, so it is left out of the cached channel and added per interaction.
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
      const appPermissions = state.channelPermissions(guild, channel, this.applicationId).toString();
      const memberObject = memberPayload(state, member);
      memberObject['permissions'] = permissions;
      let channelOpen: string | null = null;
      if (!channel.thread) {
        const channelObject = channelPayload(channel);
        delete channelObject['last_message_id'];
        channelObject['permissions'] = permissions;
        channelOpen = JSON.stringify(channelObject).slice(0, -1);
      }
      const guildId = JSON.stringify(guild.id);
      entry = {
        fields:
          `"guild_id":${guildId},"guild_locale":${JSON.stringify(guild.preferredLocale)},"app_permissions":"${appPermissions}",` +
          `"authorizing_integration_owners":{"0":${guildId}},"context":0,` +
          `"guild":${JSON.stringify({ id: guild.id, locale: guild.preferredLocale, features: guild.features })},` +
          `"member":${JSON.stringify(memberObject)}`,
        channelOpen,
        permissions,
      };
      this.#entries.set(key, entry);
    }
    return entry;
  }
}
