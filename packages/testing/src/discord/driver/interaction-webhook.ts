import type { EmulatorCore } from '../emulator-core.js';
import { Errors } from '../rest/api-error.js';
import type { MessageRecord } from '../state/records.js';
import { createInteractionMessage, REPLY_FLAGS, toMessageEdit } from './interaction-message.js';
import type { InteractionRecord } from './interaction-record.js';

type Body = Record<string, unknown>;

/** A message of the interaction webhook: `@original` or a follow-up id. */
export function webhookMessage(record: InteractionRecord, messageId: string): MessageRecord {
  const message =
    messageId === '@original'
      ? record.original
      : (record.followUps.find((followUp) => followUp.id === messageId) ?? (record.original?.id === messageId ? record.original : null));
  if (!message || message.deleted) throw Errors.unknownMessage();
  return message;
}

export function editWebhookMessage(core: EmulatorCore, record: InteractionRecord, messageId: string, body: unknown): MessageRecord {
  const message = core.messages.edit(webhookMessage(record, messageId), toMessageEdit((body ?? {}) as Body));
  core.interactions.notify(record);
  return message;
}

export function deleteWebhookMessage(core: EmulatorCore, record: InteractionRecord, messageId: string): void {
  core.messages.delete(webhookMessage(record, messageId));
  core.interactions.notify(record);
}

/**
 * `POST /webhooks/{app}/{token}`: a follow-up; the first one after a deferred reply edits the original, unless the bot
 * deleted it: then there is nothing to edit and the follow-up is a message of its own.
 */
export function followUp(core: EmulatorCore, record: InteractionRecord, body: unknown): MessageRecord {
  const data = (body ?? {}) as Body;
  let message: MessageRecord;
  if (record.original && !record.original.deleted && (record.original.flags & 128) !== 0 && record.followUps.length === 0 && record.response?.type === 5) {
    message = core.messages.edit(record.original, toMessageEdit(data));
  } else {
    const flags = typeof data['flags'] === 'number' ? data['flags'] : 0;
    message = createInteractionMessage(core, record, data, flags & REPLY_FLAGS, true);
    record.followUps.push(message);
  }
  core.interactions.notify(record);
  return message;
}
