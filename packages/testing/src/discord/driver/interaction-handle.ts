import type { InteractionRecord, InteractionResponse } from './interaction-record.js';
import type { InteractionStore } from './interaction-store.js';
import { toSentMessage, type SentMessage } from './sent-message.js';

/** Default wait of the handle's promises. */
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A driver's view of one interaction it created: wait for the bot's answer and inspect it.
 *
 * @example
 * ```ts
 * const call = emulator.invokeSlashCommand({ guildId, channelId, userId, name: 'ping' });
 * expect((await call.response()).type).toBe(5);            // deferred
 * expect((await call.reply()).content).toBe('pong');        // after editReply
 * ```
 */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE `d` that was sent. */
  readonly payload: Record<string, unknown>;
  /** Resolves with the initial callback once the bot acknowledges the interaction. */
  response(timeoutMs?: number): Promise<InteractionResponse>;
  /** Resolves with the original response message once it is no longer a loading (deferred) message. */
  reply(timeoutMs?: number): Promise<SentMessage>;
  /** Resolves with the original message once `predicate` accepts it (e.g. the final edited content). */
  replyMatching(predicate: (message: SentMessage) => boolean, timeoutMs?: number): Promise<SentMessage>;
  /** Resolves with the follow-up at `index` (0 = first) once the bot sent it. */
  followUp(index?: number, timeoutMs?: number): Promise<SentMessage>;
  /** Resolves with the modal (`custom_id`, `title`, `components`) the bot showed. */
  modal(timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the autocomplete choices the bot returned. */
  choices(timeoutMs?: number): Promise<unknown[]>;
  /** Follow-ups sent so far. */
  followUps(): SentMessage[];
}

export function createInteractionHandle(store: InteractionStore, record: InteractionRecord): InteractionHandle {
  const original = () => (record.original ? toSentMessage(record.original) : undefined);
  return {
    id: record.id,
    token: record.token,
    payload: record.payload,
    response: (timeoutMs = DEFAULT_TIMEOUT_MS) => store.waitFor(record, () => record.response ?? undefined, timeoutMs, 'response'),
    reply: (timeoutMs = DEFAULT_TIMEOUT_MS) =>
      store.waitFor(record, () => {
        const message = original();
        return message && !message.loading ? message : undefined;
      }, timeoutMs, 'reply'),
    replyMatching: (predicate, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      store.waitFor(record, () => {
        const message = original();
        return message && predicate(message) ? message : undefined;
      }, timeoutMs, 'matching reply'),
    followUp: (index = 0, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      store.waitFor(record, () => {
        const message = record.followUps[index];
        return message ? toSentMessage(message) : undefined;
      }, timeoutMs, `follow-up #${index}`),
    modal: (timeoutMs = DEFAULT_TIMEOUT_MS) => store.waitFor(record, () => record.modal ?? undefined, timeoutMs, 'modal'),
    choices: (timeoutMs = DEFAULT_TIMEOUT_MS) => store.waitFor(record, () => record.choices ?? undefined, timeoutMs, 'autocomplete choices'),
    followUps: () => record.followUps.map(toSentMessage),
  };
}
