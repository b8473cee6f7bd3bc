import type { EmulatorCore } from '../emulator-core.js';
import { Intent } from '../gateway/intents.js';
import { memberPayload } from '../state/payloads.js';
import type { MessageRecord, ReactionRecord } from '../state/records.js';

/** An emoji as a route segment or driver argument: `👍` (unicode), `name:id` or `a:name:id` (custom). */
export interface ParsedEmoji {
  key: string;
  emoji: ReactionRecord['emoji'];
}

/** `name:id`, `a:name:id`, or the message form `<:name:id>` / `<a:name:id>`. */
const CUSTOM_EMOJI = /^(?:(a)?:)?([\w~-]{1,32}):(\d{15,21})$/;

/** Parses a reaction emoji; custom emoji are keyed by id, unicode ones by their text. */
export function parseEmoji(text: string): ParsedEmoji {
  const custom = CUSTOM_EMOJI.exec(text.replace(/^<|>$/g, ''));
  if (custom) {
    const emoji: ReactionRecord['emoji'] = { id: custom[3]!, name: custom[2]! };
    if (custom[1]) emoji.animated = true;
    return { key: custom[3]!, emoji };
  }
  return { key: text, emoji: { id: null, name: text } };
}

/**
 * Reactions on messages and their events: MESSAGE_REACTION_ADD/REMOVE/REMOVE_ALL/REMOVE_EMOJI, sent to the
 * guild's shard (DMs: shard 0) under GUILD_MESSAGE_REACTIONS or DIRECT_MESSAGE_REACTIONS.
 */
export class ReactionActions {
  constructor(private readonly core: EmulatorCore) {}

  /** The reaction of `key` on `message`, if anyone reacted with it. */
  find(message: MessageRecord, key: string): ReactionRecord | undefined {
    return message.reactions.find((reaction) => reaction.key === key);
  }

  /** `userId` reacts with `emoji`; false when that user had already reacted with it (no event then). */
  add(message: MessageRecord, userId: string, emoji: ParsedEmoji): boolean {
    let reaction = this.find(message, emoji.key);
    if (!reaction) {
      reaction = { key: emoji.key, emoji: emoji.emoji, userIds: new Set() };
      message.reactions.push(reaction);
    }
    if (reaction.userIds.has(userId)) return false;
    reaction.userIds.add(userId);
    const payload = this.#base(message, reaction, userId);
    payload['message_author_id'] = message.authorId;
    payload['burst_colors'] = [];
    if (message.guildId) {
      const member = this.core.ctx.state.guilds.get(message.guildId)?.members.get(userId);
      if (member) payload['member'] = memberPayload(this.core.ctx.state, member);
    }
    this.#dispatch(message, 'MESSAGE_REACTION_ADD', payload);
    return true;
  }

  /** Removes `userId`'s reaction; false when there was none. */
  remove(message: MessageRecord, userId: string, key: string): boolean {
    const reaction = this.find(message, key);
    if (!reaction?.userIds.delete(userId)) return false;
    if (reaction.userIds.size === 0) message.reactions.splice(message.reactions.indexOf(reaction), 1);
    this.#dispatch(message, 'MESSAGE_REACTION_REMOVE', this.#base(message, reaction, userId));
    return true;
  }

  /** Removes every reaction with one emoji (MESSAGE_REACTION_REMOVE_EMOJI). */
  removeEmoji(message: MessageRecord, key: string): void {
    const reaction = this.find(message, key);
    if (!reaction) return;
    message.reactions.splice(message.reactions.indexOf(reaction), 1);
    this.#dispatch(message, 'MESSAGE_REACTION_REMOVE_EMOJI', { ...this.#where(message), emoji: reaction.emoji });
  }

  /** Removes every reaction (MESSAGE_REACTION_REMOVE_ALL). */
  removeAll(message: MessageRecord): void {
    if (message.reactions.length === 0) return;
    message.reactions = [];
    this.#dispatch(message, 'MESSAGE_REACTION_REMOVE_ALL', this.#where(message));
  }

  #where(message: MessageRecord): Record<string, unknown> {
    const where: Record<string, unknown> = { channel_id: message.channelId, message_id: message.id };
    if (message.guildId) where['guild_id'] = message.guildId;
    return where;
  }

  #base(message: MessageRecord, reaction: ReactionRecord, userId: string): Record<string, unknown> {
    return { user_id: userId, type: 0, ...this.#where(message), emoji: reaction.emoji, burst: false };
  }

  #dispatch(message: MessageRecord, type: string, payload: Record<string, unknown>): void {
    if (message.guildId && !this.core.ctx.state.botIsIn(message.guildId)) return;
    const intent = message.guildId ? Intent.GuildMessageReactions : Intent.DirectMessageReactions;
    this.core.gateway.dispatch(message.guildId, type, JSON.stringify(payload), intent);
  }
}
