import type { Logger } from '@baseline/core';

/**
 * What a task's `run` receives.
 * @typeParam GuildId - `string` for a per-guild recurring task; `undefined` for a task of the whole bot.
 */
export interface TaskContext<Payload = unknown, GuildId extends string | undefined = string | undefined> {
  /** The guild of a per-guild task or of a one-off job scheduled for a guild. */
  readonly guildId: GuildId;
  /** The payload given to `schedule()`; `undefined` for recurring tasks. */
  readonly payload: Payload;
  /** When this run was due: the cron or interval tick, or the time a one-off job was scheduled for. */
  readonly dueAt: Date;
  /** 1 on the first attempt, then 2, 3, … on retries. */
  readonly attempt: number;
  /** The id on every log line of this run. */
  readonly correlationId: string;
  /** The cog's logger; inside `run` every line also carries the task, job and correlation ids. */
  readonly logger: Logger;
}

/** Retries of a failed run: `attempts` in all, waiting `backoffMs`, then twice that, and so on. */
export interface TaskRetry {
  /** @default 3 */
  attempts?: number;
  /** @default 1000 */
  backoffMs?: number;
}

/** When a recurring task runs: a cron pattern in a time zone, or a fixed interval. */
export type TaskRepeat = { readonly cron: string; readonly timeZone?: string } | { readonly everyMs: number };

interface TaskBase<Payload, GuildId extends string | undefined> {
  /** Lowercase kebab case, unique within the cog. */
  readonly name: string;
  readonly retry?: TaskRetry;
  // A method, so its parameter is bivariant: a task with a typed payload still fits a cog's `tasks` list.
  run(context: TaskContext<Payload, GuildId>): unknown;
}

/**
 * A recurring task: runs once per deployment at each tick, for the whole bot or for each guild.
 * @typeParam PerGuild - `true` when declared `perGuild: true`: `run` then gets a `guildId` string.
 */
export interface RecurringTaskDefinition<PerGuild extends boolean = boolean> extends TaskBase<undefined, PerGuild extends true ? string : undefined> {
  readonly kind: 'recurring';
  readonly repeat: TaskRepeat;
  /** One schedule per guild the bot is in, stopped when the bot leaves the guild. @default false */
  readonly perGuild?: PerGuild;
}

/** A job created at run time with `cog.schedule(name, { delayMs, guildId, payload })`. */
export interface OneOffTaskDefinition<Payload = unknown> extends TaskBase<Payload, string | undefined> {
  readonly kind: 'one-off';
}

export type TaskDefinition = RecurringTaskDefinition | OneOffTaskDefinition;

/**
 * Declares a task on a cron pattern, evaluated in `timeZone` (an IANA name; UTC by default).
 *
 * @example
 * ```ts
 * cronTask({ name: 'daily-digest', cron: '0 9 * * *', timeZone: 'Europe/Paris', perGuild: true, run: ({ guildId }) => postDigest(guildId) })
 * ```
 */
export function cronTask<const PerGuild extends boolean = false>(
  definition: Omit<RecurringTaskDefinition<PerGuild>, 'kind' | 'repeat'> & { cron: string; timeZone?: string },
): RecurringTaskDefinition<PerGuild> {
  const { cron, timeZone, ...rest } = definition;
  return { ...rest, kind: 'recurring', repeat: timeZone === undefined ? { cron } : { cron, timeZone } };
}

/**
 * Declares a task run every `everyMs` milliseconds.
 *
 * @example
 * ```ts
 * intervalTask({ name: 'sweep', everyMs: 60_000, run: ({ logger }) => logger.info('sweeping') })
 * ```
 */
export function intervalTask<const PerGuild extends boolean = false>(
  definition: Omit<RecurringTaskDefinition<PerGuild>, 'kind' | 'repeat'> & { everyMs: number },
): RecurringTaskDefinition<PerGuild> {
  const { everyMs, ...rest } = definition;
  return { ...rest, kind: 'recurring', repeat: { everyMs } };
}

/**
 * Declares a one-off task: nothing runs until the cog calls `this.schedule(name, …)`; each call creates one job,
 * which survives restarts (with Redis).
 *
 * @example
 * ```ts
 * oneOffTask<{ text: string }>({ name: 'remind', run: ({ payload }) => send(payload.text) })
 * // later, in a command:
 * await this.schedule('remind', { delayMs: 60_000, guildId, payload: { text: 'stand up' } });
 * ```
 */
export function oneOffTask<Payload = unknown>(definition: Omit<OneOffTaskDefinition<Payload>, 'kind'>): OneOffTaskDefinition<Payload> {
  return { ...definition, kind: 'one-off' };
}

/** Options of `cog.schedule()`. */
export interface ScheduleOptions<Payload = unknown> {
  /** How long from now. */
  delayMs: number;
  guildId?: string;
  /** JSON-serialisable data handed to the run as `payload`. */
  payload?: Payload;
}
