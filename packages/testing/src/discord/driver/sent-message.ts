import type { MessageRecord } from '../state/records.js';

/** A snapshot of a message as tests inspect it. */
export interface SentMessage
  extends Pick<MessageRecord, 'id' | 'channelId' | 'guildId' | 'authorId' | 'content' | 'embeds' | 'components' | 'attachments' | 'flags' | 'deleted'> {
  /** Flag 64: only the invoking user sees it. */
  ephemeral: boolean;
  /** Flag 128: a deferred reply not edited yet. */
  loading: boolean;
  edited: boolean;
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
  };
}
