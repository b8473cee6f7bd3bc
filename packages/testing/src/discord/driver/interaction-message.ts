import type { EmulatorCore } from '../emulator-core.js';
import { userPayload } from '../state/payloads.js';
import type { MessageRecord } from '../state/records.js';
import type { InteractionRecord } from './interaction-record.js';
import type { MessageEdit } from './message-actions.js';

type Body = Record<string, unknown>;

/** Flags a client may set on an interaction reply: EPHEMERAL, SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2. */
export const REPLY_FLAGS = 64 | 4 | 4096 | 32768;

/** Posts a message of the interaction's webhook (reply or follow-up) in the interaction's channel. */
export function createInteractionMessage(core: EmulatorCore, record: InteractionRecord, data: Body, flags: number, followUp = false): MessageRecord {
  const commandType = record.data['type'];
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
    interaction: interactionMetadata(core, record, followUp),
  });
}

/**
 * `interaction_metadata` Discord puts on messages an interaction response created (discord.js matches
 * `InteractionResponse` collectors on its `id`), plus the legacy `interaction` object for commands.
 */
function interactionMetadata(core: EmulatorCore, record: InteractionRecord, followUp: boolean): NonNullable<MessageRecord['interaction']> {
  const user = core.ctx.state.users.get(record.userId);
  const userObject = user ? userPayload(user) : { id: record.userId };
  const data = record.data;
  const metadata: Body = {
    id: record.id,
    type: record.type,
    user: userObject,
    authorizing_integration_owners: { '0': record.guildId ?? '0' },
  };
  let legacy: Body | null = null;
  if (record.type === 2) {
    metadata['name'] = data['name'];
    metadata['command_type'] = data['type'];
    if (data['type'] === 2 && typeof data['target_id'] === 'string') {
      const target = core.ctx.state.users.get(data['target_id']);
      if (target) metadata['target_user'] = userPayload(target);
    }
    if (data['type'] === 3) metadata['target_message_id'] = data['target_id'];
    legacy = { id: record.id, type: record.type, name: data['name'], user: userObject };
  }
  if (record.type === 3 && record.sourceMessageId) metadata['interacted_message_id'] = record.sourceMessageId;
  if (followUp && record.original) metadata['original_response_message_id'] = record.original.id;
  return { metadata, legacy };
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
