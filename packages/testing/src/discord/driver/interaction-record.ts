import type { MessageRecord } from '../state/records.js';

/** The initial response a bot gave to an interaction. */
export interface InteractionResponse {
  /** Callback type: 1 pong, 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  /** The callback's `data` as sent. */
  data: Record<string, unknown> | null;
  /** True when the reply (type 4/5) was ephemeral. */
  ephemeral: boolean;
  deferred: boolean;
}

/** A driver wait on an interaction; `wake` re-checks it after a change. */
export interface Waiter {
  wake(): void;
}

/** Everything the emulator tracks about one interaction. */
export class InteractionRecord {
  response: InteractionResponse | null = null;
  original: MessageRecord | null = null;
  followUps: MessageRecord[] = [];
  /** Set by a type 9 callback. */
  modal: Record<string, unknown> | null = null;
  /** Set by a type 8 callback. */
  choices: unknown[] | null = null;
  /**
   * Driver waits on this interaction, woken after each of its changes; null until the first wait (records are
   * kept for the token's lifetime, most of them never waited on twice).
   */
  waiters: Set<Waiter> | null = null;
  #payload: Record<string, unknown> | null = null;

  constructor(
    readonly id: string,
    readonly token: string,
    /** 2 application command, 3 component, 4 autocomplete, 5 modal submit. */
    readonly type: number,
    readonly guildId: string | null,
    readonly channelId: string,
    readonly userId: string,
    /** The interaction's `data` as sent. */
    readonly data: Record<string, unknown>,
    /** For components: the message the component sits on. */
    readonly sourceMessageId: string | null,
    /** The INTERACTION_CREATE `d` as sent, serialised. */
    readonly json: string,
    readonly createdAt: number = Date.now(),
  ) {}

  /**
   * The INTERACTION_CREATE `d` as sent. Parsed from {@link json} on first read: drivers and tests look at few
   * payloads, and keeping the string only spares building and holding an object tree per interaction.
   */
  get payload(): Record<string, unknown> {
    return (this.#payload ??= JSON.parse(this.json) as Record<string, unknown>);
  }
}
