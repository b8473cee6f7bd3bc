import type { EmulatorCore } from '../emulator-core.js';
import type { GatewaySession } from '../gateway/gateway-session.js';
import { Intent } from '../gateway/intents.js';
import { messagePayload } from '../state/payloads.js';
import type { MessageRecord, MessageReferenceRecord } from '../state/records.js';

/** Fields of a new message. */
export interface NewMessage {
  channelId: string;
  authorId: string;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: unknown[];
  flags?: number;
  type?: number;
  tts?: boolean;
  webhookId?: string | null;
  interactionId?: string | null;
  interaction?: MessageRecord['interaction'];
  reference?: MessageReferenceRecord | null;
}

/** Fields a message edit may change. */
export interface MessageEdit {
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: unknown[];
  flags?: number;
}

const MENTION = /<@!?(\d{17,20})>/g;
const ROLE_MENTION = /<@&(\d{17,20})>/g;

/** Ids captured by a mention pattern; contents without `<@` (most bot replies) skip the regex. */
function mentionIds(content: string, pattern: RegExp): string[] {
  if (!content.includes('<@')) return [];
  return [...content.matchAll(pattern)].map((match) => match[1]!);
}

/** Creates, edits and deletes messages and sends MESSAGE_CREATE/UPDATE/DELETE filtered by intents. */
export class MessageActions {
  constructor(private readonly core: EmulatorCore) {}

  create(input: NewMessage): MessageRecord {
    const { state, snowflakes } = this.core.ctx;
    const channel = state.channels.get(input.channelId);
    const content = input.content ?? '';
    const message: MessageRecord = {
      id: snowflakes.next(),
      channelId: input.channelId,
      guildId: channel?.guildId ?? null,
      authorId: input.authorId,
      content,
      embeds: input.embeds ?? [],
      components: input.components ?? [],
      attachments: input.attachments ?? [],
      flags: input.flags ?? 0,
      type: input.type ?? 0,
      timestamp: new Date().toISOString(),
      editedTimestamp: null,
      tts: input.tts ?? false,
      mentionUserIds: mentionIds(content, MENTION),
      mentionRoleIds: mentionIds(content, ROLE_MENTION),
      mentionEveryone: content.includes('@everyone'),
      webhookId: input.webhookId ?? null,
      applicationId: input.webhookId ? this.core.ctx.application.id : null,
      interactionId: input.interactionId ?? null,
      interaction: input.interaction ?? null,
      reference: input.reference ?? null,
      reactions: [],
      threadId: null,
      deleted: false,
    };
    state.putMessage(message);
    if (channel?.thread && (message.flags & 64) === 0) channel.thread.messageCount++;
    if ((message.flags & 64) === 0) this.#dispatch(message, 'MESSAGE_CREATE');
    return message;
  }

  edit(message: MessageRecord, edit: MessageEdit): MessageRecord {
    if (edit.content !== undefined) {
      message.content = edit.content;
      message.mentionUserIds = mentionIds(edit.content, MENTION);
    }
    if (edit.embeds !== undefined) message.embeds = edit.embeds;
    if (edit.components !== undefined) message.components = edit.components;
    if (edit.attachments !== undefined) message.attachments = edit.attachments;
    // A message's ephemeral state is fixed at creation; edits may only touch other flags.
    if (edit.flags !== undefined) message.flags = (edit.flags & ~64 & ~128) | (message.flags & 64);
    message.flags &= ~128;
    message.editedTimestamp = new Date().toISOString();
    if ((message.flags & 64) === 0) this.#dispatch(message, 'MESSAGE_UPDATE');
    return message;
  }

  delete(message: MessageRecord): void {
    this.core.ctx.state.deleteMessage(message);
    if ((message.flags & 64) !== 0) return;
    const payload: Record<string, unknown> = { id: message.id, channel_id: message.channelId };
    if (message.guildId) payload['guild_id'] = message.guildId;
    const intent = message.guildId ? Intent.GuildMessages : Intent.DirectMessages;
    this.core.gateway.dispatch(message.guildId, 'MESSAGE_DELETE', JSON.stringify(payload), intent);
  }

  #dispatch(message: MessageRecord, type: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE'): void {
    const { state } = this.core.ctx;
    if (message.guildId && !state.botIsIn(message.guildId)) return;
    const intent = message.guildId ? Intent.GuildMessages : Intent.DirectMessages;
    // Bots without the message intents (the common case for slash-command bots) get nothing: skip the payload.
    if (!this.core.gateway.hasRecipients(message.guildId, intent)) return;
    const payload = messagePayload(state, message);
    if (message.guildId) {
      const member = state.guilds.get(message.guildId)?.members.get(message.authorId);
      if (member) payload['member'] = { roles: member.roles, nick: member.nick, joined_at: member.joinedAt, deaf: false, mute: false, flags: 0 };
    }
    const full = JSON.stringify(payload);
    let blank: string | null = null;
    // Without MESSAGE_CONTENT, guild messages arrive with empty content unless the bot wrote or is mentioned.
    const exempt = !message.guildId || message.authorId === state.botUserId || message.mentionUserIds.includes(state.botUserId);
    this.core.gateway.dispatch(
      message.guildId,
      type,
      (session: GatewaySession) => {
        if (exempt || (session.intents & Intent.MessageContent) !== 0) return full;
        blank ??= JSON.stringify({ ...payload, content: '', embeds: [], attachments: [], components: [] });
        return blank;
      },
      intent,
    );
  }
}
