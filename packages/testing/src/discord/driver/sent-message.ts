import type { MessageRecord } from '../state/records.js';

/** A snapshot of a message as tests inspect it. */
export interface SentMessage extends Pick<
  MessageRecord,
  'id' | 'channelId' | 'guildId' | 'authorId' | 'content' | 'embeds' | 'components' | 'attachments' | 'flags' | 'deleted'
> {
  /** Flag 64: only the invoking user sees it. */
  ephemeral: boolean;
  /** Flag 128: a deferred reply not edited yet. */
  loading: boolean;
  edited: boolean;
  /** Reactions, in the order first added: the emoji (`👍` or `name:id`) and who reacted. */
  reactions: { emoji: string; userIds: string[] }[];
  /** The message this one replies to. */
  replyTo: string | null;
  /** The thread started from this message. */
  threadId: string | null;
}

export function toSentMessage(message: MessageRecord): SentMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    authorId: message.authorId,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    attachments: message.attachments,
    flags: message.flags,
    ephemeral: (message.flags & 64) !== 0,
    loading: (message.flags & 128) !== 0,
    edited: message.editedTimestamp !== null,
    deleted: message.deleted,
    reactions: message.reactions.map((reaction) => ({
      emoji: reaction.emoji.id ? `${reaction.emoji.name}:${reaction.emoji.id}` : reaction.emoji.name,
      userIds: [...reaction.userIds],
    })),
    replyTo: message.type === 19 ? (message.reference?.messageId ?? null) : null,
    threadId: message.threadId,
  };
}
