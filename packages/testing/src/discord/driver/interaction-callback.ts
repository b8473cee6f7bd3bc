import { z } from 'zod';
import type { EmulatorCore } from '../emulator-core.js';
import { Errors } from '../rest/api-error.js';
import { messagePayload } from '../state/payloads.js';
import { createInteractionMessage, REPLY_FLAGS, toMessageEdit } from './interaction-message.js';

type Body = Record<string, unknown>;

/** The body of `POST /interactions/{id}/{token}/callback`: a callback type, and `data` whose shape depends on it. */
export const interactionCallbackBody = z.object({
  type: z.literal([1, 4, 5, 6, 7, 8, 9]),
  data: z.looseObject({ flags: z.number().int().optional() }).nullish(),
});

/** A callback body as {@link interactionCallbackBody} parsed it. */
export type InteractionCallbackBody = z.infer<typeof interactionCallbackBody>;

/**
 * `POST /interactions/{id}/{token}/callback` with Discord's rules: one callback per interaction, within the
 * response deadline, update types only for components and modals. Returns the `with_response` body.
 */
export function interactionCallback(
  core: EmulatorCore,
  interactionId: string,
  token: string,
  body: InteractionCallbackBody,
  withResponse: boolean,
): Body | undefined {
  const record = core.interactions.byId.get(interactionId);
  if (!record || record.token !== token) throw Errors.unknownInteraction();
  if (record.response) throw Errors.alreadyAcknowledged();
  if (Date.now() - record.createdAt > core.ctx.options.interactions.responseTimeoutMs) throw Errors.unknownInteraction();
  const { type } = body;
  const data: Body | null = body.data ?? null;
  const flags = body.data?.flags ?? 0;
  const ephemeral = (type === 4 || type === 5) && (flags & 64) !== 0;
  const source = record.sourceMessageId ? (core.ctx.state.messages.get(record.sourceMessageId) ?? null) : null;
  if ((type === 6 || type === 7) && record.type !== 3 && record.type !== 5) throw Errors.invalidForm('type');
  record.response = { type, data, ephemeral, deferred: type === 5 || type === 6 };
  switch (type) {
    case 4:
      record.original = createInteractionMessage(core, record, data ?? {}, flags & REPLY_FLAGS);
      break;
    case 5:
      record.original = createInteractionMessage(core, record, {}, 128 | (flags & 64));
      break;
    case 6:
      record.original = source;
      break;
    case 7:
      if (source) record.original = core.messages.edit(source, toMessageEdit(data ?? {}));
      break;
    case 8:
      record.choices = Array.isArray(data?.['choices']) ? (data['choices'] as unknown[]) : [];
      break;
    case 9:
      record.modal = data;
      break;
  }
  core.interactions.notify(record);
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
    callback['resource'] = { type, message: messagePayload(core.ctx.state, record.original) };
  } else {
    callback['resource'] = { type };
  }
  return callback;
}
