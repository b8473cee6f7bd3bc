import { randomBytes } from 'node:crypto';
import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord-emulator-error.js';
import type { EmulatorCore } from '../emulator-core.js';
import { Errors } from '../rest/api-error.js';
import { messagePayload } from '../state/payloads.js';
import type { ChannelRecord, GuildRecord, MessageRecord } from '../state/records.js';
import { DeadlineTimer, type Deadline } from './deadline-timer.js';
import { InteractionRecord, type Waiter } from './interaction-record.js';
import { InteractionContextCache } from './interaction-context-cache.js';
import { serializeInteraction } from './interaction-payload.js';

type Body = Record<string, unknown>;

/**
 * Interactions: creation and delivery (INTERACTION_CREATE to the owning shard), lookup by id and webhook
 * token, expiry, and waiting for a change. The callback endpoint is `interactionCallback`, the interaction
 * webhook (original message, follow-ups) is in `interaction-webhook.ts`.
 */
export class InteractionStore {
  readonly #tokenPrefix = randomBytes(18).toString('base64url');
  #tokenCounter = 0;
  readonly byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();
  #created = 0;
  /** Interactions changed by a request whose response is not written yet. */
  readonly #held = new Set<InteractionRecord>();

  readonly #contexts: InteractionContextCache;
  readonly #deadlines = new DeadlineTimer();

  constructor(private readonly core: EmulatorCore) {
    this.#contexts = new InteractionContextCache(core.ctx.state, core.ctx.application.id);
  }

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
    const json = serializeInteraction(ctx, this.#contexts, {
      id,
      token,
      type: input.type,
      guild,
      channel,
      userId: user.id,
      locale: input.locale,
      data: input.data,
      messageJson: input.sourceMessage ? JSON.stringify(messagePayload(ctx.state, input.sourceMessage)) : undefined,
    });
    const record = new InteractionRecord(id, token, input.type, guild?.id ?? null, channel.id, user.id, input.data, input.sourceMessage?.id ?? null, json);
    if (++this.#created % 10_000 === 0) this.#forgetExpired();
    this.byId.set(id, record);
    this.#byToken.set(token, record);
    this.core.gateway.dispatch(record.guildId, 'INTERACTION_CREATE', json);
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

  /** A DM interaction's channel: the one named if it is the user's DM, else the user's DM with the bot. */
  #dmChannel(userId: string, channelId: string): ChannelRecord {
    const named = this.core.ctx.state.channels.get(channelId);
    if (named && named.type === 1 && named.recipientIds.includes(userId)) return named;
    return this.core.dms.open(userId);
  }

  /** The interaction behind a webhook token; checks the application id and the 15-minute lifetime. */
  byWebhook(applicationId: string, token: string): InteractionRecord {
    const record = this.#byToken.get(token);
    if (!record || applicationId !== this.core.ctx.application.id) throw Errors.unknownWebhook();
    if (Date.now() - record.createdAt > this.core.ctx.options.interactions.tokenLifetimeMs) throw Errors.invalidWebhookToken();
    return record;
  }

  /**
   * Wakes every {@link waitFor} on the interaction after a change. During a REST request the wake-up waits
   * until the response was written (see `ResponseScope`), and until then waits do not see the change either.
   */
  notify(record: InteractionRecord): void {
    if (this.#held.has(record)) return;
    this.#held.add(record);
    this.core.responses.defer(() => {
      this.#held.delete(record);
      const { waiters } = record;
      if (waiters === null || waiters.size === 0) return;
      for (const waiter of [...waiters]) waiter.wake();
    });
  }

  /** Resolves once `check` returns a value, re-checking after every change of the interaction. */
  waitFor<T>(record: InteractionRecord, check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    // A change still held for its response is not visible yet: the waiter sees it once released.
    const now = this.#held.has(record) ? undefined : check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const waiters = (record.waiters ??= new Set());
      const missing = `interaction ${record.id}: no ${what} within ${timeoutMs} ms`;
      const waiter = new InteractionWaiter(this.#deadlines, waiters, check, resolve, reject, Date.now() + timeoutMs, missing);
      waiters.add(waiter);
      this.#deadlines.add(waiter);
    });
  }
}

/**
 * One pending {@link InteractionStore.waitFor}: woken by every change of its interaction, failed by the store's
 * shared {@link DeadlineTimer}. A class, so a wait allocates one object instead of a listener and timeout closure.
 */
class InteractionWaiter<T> implements Deadline, Waiter {
  constructor(
    private readonly deadlines: DeadlineTimer,
    /** The waits on the same interaction, this one among them. */
    private readonly waiters: Set<Waiter>,
    private readonly check: () => T | undefined,
    private readonly resolve: (value: T) => void,
    private readonly reject: (error: Error) => void,
    readonly at: number,
    private readonly missing: string,
  ) {}

  wake(): void {
    const value = this.check();
    if (value === undefined) return;
    this.waiters.delete(this);
    this.deadlines.delete(this);
    this.resolve(value);
  }

  expire(): void {
    this.waiters.delete(this);
    this.reject(new DiscordEmulatorError(EMULATOR_ERROR_CODES.timeout, this.missing));
  }
}
