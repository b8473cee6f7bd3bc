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
  return new RecordHandle(store, record);
}

/**
 * The handle as a class: drivers create one per interaction, and methods on the prototype cost nothing per
 * handle where an object of closures allocated eight functions each time.
 */
class RecordHandle implements InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly #store: InteractionStore;
  readonly #record: InteractionRecord;

  constructor(store: InteractionStore, record: InteractionRecord) {
    this.id = record.id;
    this.token = record.token;
    this.#store = store;
    this.#record = record;
  }

  get payload(): Record<string, unknown> {
    return this.#record.payload;
  }

  response(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<InteractionResponse> {
    const record = this.#record;
    return this.#store.waitFor(record, () => record.response ?? undefined, timeoutMs, 'response');
  }

  reply(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SentMessage> {
    const record = this.#record;
    return this.#store.waitFor(
      record,
      () => {
        const message = original(record);
        return message && !message.loading ? message : undefined;
      },
      timeoutMs,
      'reply',
    );
  }

  replyMatching(predicate: (message: SentMessage) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SentMessage> {
    const record = this.#record;
    return this.#store.waitFor(
      record,
      () => {
        const message = original(record);
        return message && predicate(message) ? message : undefined;
      },
      timeoutMs,
      'matching reply',
    );
  }

  followUp(index = 0, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SentMessage> {
    const record = this.#record;
    return this.#store.waitFor(
      record,
      () => {
        const message = record.followUps[index];
        return message ? toSentMessage(message) : undefined;
      },
      timeoutMs,
      `follow-up #${index}`,
    );
  }

  modal(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Record<string, unknown>> {
    const record = this.#record;
    return this.#store.waitFor(record, () => record.modal ?? undefined, timeoutMs, 'modal');
  }

  choices(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<unknown[]> {
    const record = this.#record;
    return this.#store.waitFor(record, () => record.choices ?? undefined, timeoutMs, 'autocomplete choices');
  }

  followUps(): SentMessage[] {
    return this.#record.followUps.map(toSentMessage);
  }
}

function original(record: InteractionRecord): SentMessage | undefined {
  return record.original ? toSentMessage(record.original) : undefined;
}
