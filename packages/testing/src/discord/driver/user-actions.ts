import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord-emulator-error.js';
import type { EmulatorCore } from '../emulator-core.js';
import type { ChannelRecord, MessageRecord } from '../state/records.js';
import { parseEmoji } from './reaction-actions.js';
import { toSentMessage, type SentMessage } from './sent-message.js';
import { dispatchTyping } from './typing.js';

/** A message a user posts. */
export interface UserMessageInput {
  /** Channel id (guild channel, thread or DM channel). */
  channelId: string;
  /** User id or username. */
  userId: string;
  content: string;
  embeds?: unknown[];
  /** Id of a message in the same channel to reply to (type 19 with `message_reference`). */
  replyTo?: string;
}

/** A thread a user starts. */
export interface UserThreadInput {
  /** Parent channel id. */
  channelId: string;
  /** User id or username: the thread's owner. */
  userId: string;
  name: string;
  /** Start it from this message of the parent channel (the thread gets the message's id). */
  messageId?: string;
  /** A private thread (type 12) instead of a public one. @default false */
  private?: boolean;
}

/**
 * What the driver does as a user: post (also replies, in threads and DMs), react, type and start or join
 * threads. Checks membership (coded errors) but not the user's permissions.
 */
export class UserActions {
  constructor(private readonly core: EmulatorCore) {}

  #channel(channelId: string, userId: string): ChannelRecord {
    const channel = this.core.ctx.state.channels.get(channelId);
    if (!channel) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownChannel, `no channel ${channelId}`);
    if (channel.guildId) this.core.guilds.member(this.core.guilds.guild(channel.guildId), userId);
    else if (!channel.recipientIds.includes(userId)) {
      throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownChannel, `DM channel ${channelId} is not ${userId}'s`);
    }
    return channel;
  }

  #message(messageId: string): MessageRecord {
    const message = this.core.ctx.state.messages.get(messageId);
    if (!message) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownMessage, `no message ${messageId}`);
    return message;
  }

  sendMessage(input: UserMessageInput): SentMessage {
    const author = this.core.guilds.user(input.userId).id;
    const channel = this.#channel(input.channelId, author);
    let reference = null;
    if (input.replyTo !== undefined) {
      const target = this.#message(input.replyTo);
      reference = { messageId: target.id, channelId: target.channelId, guildId: target.guildId };
    }
    if (channel.thread) {
      this.core.threads.beforeMessage(channel);
      this.core.threads.join(channel, author);
    }
    const message = this.core.messages.create({
      channelId: channel.id,
      authorId: author,
      content: input.content,
      embeds: input.embeds ?? [],
      type: reference ? 19 : 0,
      reference,
    });
    return toSentMessage(message);
  }

  /** The user writes to the bot in their DM channel (MESSAGE_CREATE under DIRECT_MESSAGES, shard 0). */
  sendDirectMessage(input: { userId: string; content: string; embeds?: unknown[] }): SentMessage {
    const user = this.core.guilds.user(input.userId);
    const channel = this.core.dms.open(user.id);
    return this.sendMessage({ channelId: channel.id, userId: user.id, content: input.content, ...(input.embeds ? { embeds: input.embeds } : {}) });
  }

  /** The bot's DM channel with a user (opened if needed). */
  dmChannel(userIdOrName: string): ChannelRecord {
    return this.core.dms.open(this.core.guilds.user(userIdOrName).id);
  }

  react(messageId: string, userIdOrName: string, emoji: string): void {
    const message = this.#message(messageId);
    const user = this.core.guilds.user(userIdOrName).id;
    this.#channel(message.channelId, user);
    this.core.reactions.add(message, user, parseEmoji(emoji));
  }

  unreact(messageId: string, userIdOrName: string, emoji: string): void {
    const message = this.#message(messageId);
    this.core.reactions.remove(message, this.core.guilds.user(userIdOrName).id, parseEmoji(emoji).key);
  }

  startTyping(channelId: string, userIdOrName: string): void {
    const user = this.core.guilds.user(userIdOrName).id;
    dispatchTyping(this.core, this.#channel(channelId, user), user);
  }

  startThread(input: UserThreadInput): ChannelRecord {
    const owner = this.core.guilds.user(input.userId).id;
    const parent = this.#channel(input.channelId, owner);
    if (!parent.guildId || parent.thread) {
      throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.notAThreadParent, `channel ${input.channelId} cannot hold threads`);
    }
    const message = input.messageId ? this.core.ctx.state.channelMessages.get(parent.id)?.get(input.messageId) : undefined;
    if (input.messageId && !message) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownMessage, `no message ${input.messageId} in ${parent.id}`);
    return this.core.threads.start({
      guild: this.core.guilds.guild(parent.guildId),
      parent,
      ownerId: owner,
      name: input.name,
      type: input.private ? 12 : parent.type === 5 ? 10 : 11,
      ...(message ? { message } : {}),
    });
  }

  joinThread(threadId: string, userIdOrName: string): void {
    const user = this.core.guilds.user(userIdOrName).id;
    this.core.threads.join(this.#thread(threadId, user), user);
  }

  leaveThread(threadId: string, userIdOrName: string): void {
    const user = this.core.guilds.user(userIdOrName).id;
    this.core.threads.leave(this.#thread(threadId, user), user);
  }

  /** Archives (or reopens) a thread as its owner or a moderator would. */
  archiveThread(threadId: string, archived = true): void {
    const thread = this.core.ctx.state.channels.get(threadId);
    if (!thread?.thread) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownChannel, `no thread ${threadId}`);
    this.core.threads.edit(thread, { archived });
  }

  #thread(threadId: string, userId: string): ChannelRecord {
    const thread = this.#channel(threadId, userId);
    if (!thread.thread) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownChannel, `channel ${threadId} is not a thread`);
    return thread;
  }
}
