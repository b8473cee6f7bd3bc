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
export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 application command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  guildId: string | null;
  channelId: string;
  userId: string;
  createdAt: number;
  /** The INTERACTION_CREATE `d` as sent. */
  payload: Record<string, unknown>;
  /** For components: the message the component sits on. */
  sourceMessageId: string | null;
  response: InteractionResponse | null;
  original: MessageRecord | null;
  followUps: MessageRecord[];
  /** Set by a type 9 callback. */
  modal: Record<string, unknown> | null;
  /** Set by a type 8 callback. */
  choices: unknown[] | null;
  /** Driver waits on this interaction, woken after each of its changes. */
  waiters: Set<Waiter>;
}
