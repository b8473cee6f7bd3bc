import type { EmulatorCore } from '../emulator-core.js';
import type { ChannelRecord } from '../state/records.js';

/**
 * DM channels between the bot and one user. Discord has one per user: opening it again (REST
 * `POST /users/@me/channels`, a DM interaction, a user writing to the bot) returns the same channel.
 */
export class DmChannels {
  readonly #byUser = new Map<string, ChannelRecord>();

  constructor(private readonly core: EmulatorCore) {}

  /** The bot's DM channel with `userId`, created on first use (no event: Discord sends none either). */
  open(userId: string): ChannelRecord {
    const existing = this.#byUser.get(userId);
    if (existing) return existing;
    const channel: ChannelRecord = {
      id: this.core.ctx.snowflakes.next(),
      guildId: null,
      type: 1,
      name: null,
      position: 0,
      parentId: null,
      topic: null,
      nsfw: false,
      overwrites: [],
      lastMessageId: null,
      recipientIds: [userId],
      thread: null,
    };
    this.core.ctx.state.channels.set(channel.id, channel);
    this.#byUser.set(userId, channel);
    return channel;
  }

  /** The DM channel with `userId`, if it was opened. */
  of(userId: string): ChannelRecord | undefined {
    return this.#byUser.get(userId);
  }

  /** Every opened DM channel. */
  all(): ChannelRecord[] {
    return [...this.#byUser.values()];
  }
}
