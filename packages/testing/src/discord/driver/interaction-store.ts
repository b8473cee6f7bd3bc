import { randomBytes } from 'node:crypto';
import { DiscordEmulatorError } from '../discord-emulator-error.js';
import type { EmulatorCore } from '../emulator-core.js';
import { Errors } from '../rest/api-error.js';
import { messagePayload } from '../state/payloads.js';
import type { ChannelRecord, GuildRecord, MessageRecord } from '../state/records.js';
import type { InteractionRecord } from './interaction-record.js';
import { interactionBase } from './interaction-payload.js';
import type { MessageEdit } from './message-actions.js';

type Body = Record<string, unknown>;

/**
 * Interactions: creation and delivery (INTERACTION_CREATE to the owning shard), the callback endpoint with
 * Discord's rules (one callback, 3 s deadline), and the interaction webhook (original message, follow-ups).
 */
export class InteractionStore {
  readonly #tokenPrefix = randomBytes(18).toString('base64url');
  #tokenCounter = 0;
  readonly byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();
  #created = 0;

  constructor(private readonly core: EmulatorCore) {}

  /** Creates an interaction, sends INTERACTION_CREATE and returns its record. */
  create(input: {
    type: number;
    guildId: string | null;
    channelId: string;
    userId: string;
    data: Body;
    sourceMessage?: MessageRecord;
    locale?: string;
  }): InteractionRecord {
    const { ctx } = this.core;
    const user = this.core.guilds.user(input.userId);
    let guild: GuildRecord | null = null;
    let channel: ChannelRecord;
    if (input.guildId) {
      guild = this.core.guilds.guild(input.guildId);
      channel = this.core.guilds.channel(guild, input.channelId);
      this.core.guilds.member(guild, user.id);
    } else {
      channel = this.#dmChannel(user.id, input.channelId);
    }
    const id = ctx.snowflakes.next();
    // Tokens need only be unique and unguessable across emulators: one random prefix, then a counter.
    const token = `emu_${this.#tokenPrefix}${(this.#tokenCounter++).toString(36)}`;
    const payload = interactionBase(ctx, { id, token, type: input.type, guild, channel, userId: user.id, locale: input.locale });
    payload['data'] = input.data;
    if (input.sourceMessage) payload['message'] = messagePayload(ctx.state, input.sourceMessage);
    const record: InteractionRecord = {
      id,
      token,
      type: input.type,
      guildId: guild?.id ?? null,
      channelId: channel.id,
      userId: user.id,
      createdAt: Date.now(),
      payload,
      sourceMessageId: input.sourceMessage?.id ?? null,
      response: null,
      original: null,
      followUps: [],
      modal: null,
      choices: null,
      listeners: new Set(),
    };
    if (++this.#created % 10_000 === 0) this.#forgetExpired();
    this.byId.set(id, record);
    this.#byToken.set(token, record);
    this.core.gateway.dispatch(record.guildId, 'INTERACTION_CREATE', JSON.stringify(payload));
    return record;
  }

  /** Drops interactions whose webhook token expired, so long benchmarks do not grow without bound. */
  #forgetExpired(): void {
    const deadline = Date.now() - this.core.ctx.options.interactions.tokenLifetimeMs;
    for (const [id, record] of this.byId) {
      if (record.createdAt >= deadline) break;
      this.byId.delete(id);
      this.#byToken.delete(record.token);
    }
  }

  #dmChannel(userId: string, channelId: string): ChannelRecord {
    const { state } = this.core.ctx;
    const existing = state.channels.get(channelId);
    if (existing && existing.type === 1) return existing;
    for (const channel of state.channels.values()) {
      if (channel.type === 1 && channel.recipientIds.includes(userId)) return channel;
    }
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
    };
    state.channels.set(channel.id, channel);
    return channel;
  }

  /** `POST /interactions/{id}/{token}/callback`. */
  callback(interactionId: string, token: string, body: unknown, withResponse: boolean): Body | undefined {
    const record = this.byId.get(interactionId);
    if (!record || record.token !== token) throw Errors.unknownInteraction();
    if (record.response) throw Errors.alreadyAcknowledged();
    if (Date.now() - record.createdAt > this.core.ctx.options.interactions.responseTimeoutMs) throw Errors.unknownInteraction();
    const input = (body ?? {}) as { type?: unknown; data?: unknown };
    const type = input.type;
    const data = (input.data && typeof input.data === 'object' ? input.data : null) as Body | null;
    if (typeof type !== 'number' || ![1, 4, 5, 6, 7, 8, 9].includes(type)) throw Errors.invalidForm('type');
    const flags = typeof data?.['flags'] === 'number' ? data['flags'] : 0;
    const ephemeral = (type === 4 || type === 5) && (flags & 64) !== 0;
    const source = record.sourceMessageId ? this.core.ctx.state.messages.get(record.sourceMessageId) ?? null : null;
    if ((type === 6 || type === 7) && record.type !== 3 && record.type !== 5) throw Errors.invalidForm('type');
    record.response = { type, data, ephemeral, deferred: type === 5 || type === 6 };
    switch (type) {
      case 4:
        record.original = this.#createMessage(record, data ?? {}, flags & (64 | 4 | 4096 | 32768));
        break;
      case 5:
        record.original = this.#createMessage(record, {}, 128 | (flags & 64));
        break;
      case 6:
        record.original = source;
        break;
      case 7:
        if (source) record.original = this.core.messages.edit(source, toEdit(data ?? {}));
        break;
      case 8:
        record.choices = Array.isArray(data?.['choices']) ? (data['choices'] as unknown[]) : [];
        break;
      case 9:
        record.modal = data;
        break;
    }
    this.#notify(record);
    if (!withResponse) return undefined;
    const callback: Body = {
      interaction: {
        id: record.id,
        type: record.type,
        response_message_id: record.original?.id,
        response_message_loading: type === 5,
        response_message_ephemeral: ephemeral,
      },
    };
    if ((type === 4 || type === 7) && record.original) {
      callback['resource'] = { type, message: messagePayload(this.core.ctx.state, record.original) };
    } else {
      callback['resource'] = { type };
    }
    return callback;
  }

  /** The interaction behind a webhook token; checks the application id and the 15-minute lifetime. */
  byWebhook(applicationId: string, token: string): InteractionRecord {
    const record = this.#byToken.get(token);
    if (!record || applicationId !== this.core.ctx.application.id) throw Errors.unknownWebhook();
    if (Date.now() - record.createdAt > this.core.ctx.options.interactions.tokenLifetimeMs) throw Errors.invalidWebhookToken();
    return record;
  }

  /** A message of the interaction webhook: `@original` or a follow-up id. */
  webhookMessage(record: InteractionRecord, messageId: string): MessageRecord {
    const message =
      messageId === '@original' ? record.original : record.followUps.find((followUp) => followUp.id === messageId) ?? (record.original?.id === messageId ? record.original : null);
    if (!message || message.deleted) throw Errors.unknownMessage();
    return message;
  }

  editWebhookMessage(record: InteractionRecord, messageId: string, body: unknown): MessageRecord {
    const message = this.core.messages.edit(this.webhookMessage(record, messageId), toEdit((body ?? {}) as Body));
    this.#notify(record);
    return message;
  }

  deleteWebhookMessage(record: InteractionRecord, messageId: string): void {
    this.core.messages.delete(this.webhookMessage(record, messageId));
    this.#notify(record);
  }

  /** `POST /webhooks/{app}/{token}`: a follow-up; the first one after a deferred reply edits the original. */
  followUp(record: InteractionRecord, body: unknown): MessageRecord {
    const data = (body ?? {}) as Body;
    let message: MessageRecord;
    if (record.original && (record.original.flags & 128) !== 0 && record.followUps.length === 0 && record.response?.type === 5) {
      message = this.core.messages.edit(record.original, toEdit(data));
    } else {
      const flags = typeof data['flags'] === 'number' ? data['flags'] : 0;
      message = this.#createMessage(record, data, flags & (64 | 4 | 4096 | 32768));
      record.followUps.push(message);
    }
    this.#notify(record);
    return message;
  }

  #createMessage(record: InteractionRecord, data: Body, flags: number): MessageRecord {
    const commandType = (record.payload['data'] as Body | undefined)?.['type'];
    return this.core.messages.create({
      channelId: record.channelId,
      authorId: this.core.ctx.application.id,
      content: typeof data['content'] === 'string' ? data['content'] : '',
      embeds: Array.isArray(data['embeds']) ? data['embeds'] : [],
      components: Array.isArray(data['components']) ? data['components'] : [],
      attachments: Array.isArray(data['attachments']) ? data['attachments'] : [],
      tts: data['tts'] === true,
      flags,
      type: record.type === 2 ? (commandType === 1 ? 20 : 23) : 0,
      webhookId: this.core.ctx.application.id,
      interactionId: record.id,
    });
  }

  #notify(record: InteractionRecord): void {
    if (record.listeners.size === 0) return;
    for (const listener of [...record.listeners]) listener();
  }

  /** Resolves once `check` returns a value, re-checking after every change of the interaction. */
  waitFor<T>(record: InteractionRecord, check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        record.listeners.delete(listener);
        reject(new DiscordEmulatorError('BL_ERR_EMULATOR_TIMEOUT', `interaction ${record.id}: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = () => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        record.listeners.delete(listener);
        resolve(value);
      };
      record.listeners.add(listener);
    });
  }
}

function toEdit(data: Body): MessageEdit {
  const edit: MessageEdit = {};
  if (typeof data['content'] === 'string') edit.content = data['content'];
  else if (data['content'] === null) edit.content = '';
  if (Array.isArray(data['embeds'])) edit.embeds = data['embeds'];
  if (Array.isArray(data['components'])) edit.components = data['components'];
  if (Array.isArray(data['attachments'])) edit.attachments = data['attachments'];
  if (typeof data['flags'] === 'number') edit.flags = data['flags'];
  return edit;
}
