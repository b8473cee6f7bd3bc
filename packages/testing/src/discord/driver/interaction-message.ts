import type { EmulatorCore } from '../emulator-core.js';
import type { MessageRecord } from '../state/records.js';
import type { InteractionRecord } from './interaction-record.js';
import type { MessageEdit } from './message-actions.js';

type Body = Record<string, unknown>;

/** Flags a client may set on an interaction reply: EPHEMERAL, SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2. */
export const REPLY_FLAGS = 64 | 4 | 4096 | 32768;

/** Posts a message of the interaction's webhook (reply or follow-up) in the interaction's channel. */
export function createInteractionMessage(core: EmulatorCore, record: InteractionRecord, data: Body, flags: number): MessageRecord {
  const commandType = (record.payload['data'] as Body | undefined)?.['type'];
  return core.messages.create({
    channelId: record.channelId,
    authorId: core.ctx.application.id,
    content: typeof data['content'] === 'string' ? data['content'] : '',
    embeds: Array.isArray(data['embeds']) ? data['embeds'] : [],
    components: Array.isArray(data['components']) ? data['components'] : [],
    attachments: Array.isArray(data['attachments']) ? data['attachments'] : [],
    tts: data['tts'] === true,
    flags,
    type: record.type === 2 ? (commandType === 1 ? 20 : 23) : 0,
    webhookId: core.ctx.application.id,
    interactionId: record.id,
  });
}

/** The fields of a message body an edit changes (a null `content` clears it). */
export function toMessageEdit(data: Body): MessageEdit {
  const edit: MessageEdit = {};
  if (typeof data['content'] === 'string') edit.content = data['content'];
  else if (data['content'] === null) edit.content = '';
  if (Array.isArray(data['embeds'])) edit.embeds = data['embeds'];
  if (Array.isArray(data['components'])) edit.components = data['components'];
  if (Array.isArray(data['attachments'])) edit.attachments = data['attachments'];
  if (typeof data['flags'] === 'number') edit.flags = data['flags'];
  return edit;
}
