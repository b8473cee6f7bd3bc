import {
  createCorrelationId,
  readTaskStatus,
  readTaskStatuses,
  deleteTaskStatuses,
  withLogContext,
  writeTaskStatus,
  type KeyValueStore,
  type Logger,
  type TaskStatus,
} from '@baseline/core';
import type { LoadedCog } from '../cogs/cog-manager.js';
import { BOT_ERROR_CODES, BotError } from '../runtime/bot-error.js';
import type { ResolvedRetry, TaskBackend, TaskJob } from './task-backend.js';
import type { RecurringTaskDefinition, ScheduleOptions, TaskDefinition } from './task-definition.js';

const TASK_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

interface RegisteredTask {
  definition: TaskDefinition;
  cog: string;
  pluginId: string | undefined;
  logger: Logger;
  retry: ResolvedRetry;
}

/** Schedules a one-off task of a cog; what `cog.schedule()` calls. */
export interface TaskScheduler {
  schedule(cog: string, task: string, options: ScheduleOptions): Promise<string>;
}

/**
 * Ties cogs' tasks to a backend: registers their schedules when a cog loads (per-guild ones for the guilds this
 * process serves), removes them when a cog is unloaded or the bot leaves a guild, runs jobs inside a log context
 * with a correlation id, and records each task's status for the API.
 */
export class TaskRuntime implements TaskScheduler {
  readonly #tasks = new Map<string, RegisteredTask>();
  #guildIds: () => readonly string[] = () => [];
  #started = false;
  #closing: Promise<void> | undefined;

  constructor(private readonly deps: { backend: TaskBackend; kv: KeyValueStore; logger: Logger }) {}

  get backend(): TaskBackend['kind'] {
    return this.deps.backend.kind;
  }

  /** Starts running jobs and registers the schedules of the cogs given; `guildIds` lists the guilds this process serves. */
  async start(cogs: readonly LoadedCog[], guildIds: () => readonly string[]): Promise<void> {
    this.#guildIds = guildIds;
    this.#started = true;
    await this.deps.backend.start(
      (job) => this.#run(job),
      (job, error, final) => void this.#failed(job, error, final),
    );
    for (const cog of cogs) await this.addCog(cog);
  }

  /** Registers a loaded cog's tasks and (once started) their schedules. */
  async addCog(loaded: LoadedCog): Promise<void> {
    const definitions = loaded.cog.tasks ?? [];
    for (const definition of definitions) {
      if (!TASK_NAME.test(definition.name)) {
        throw new BotError(BOT_ERROR_CODES.cogInvalid, `task "${definition.name}" of cog "${loaded.name}" needs a lowercase kebab-case name`, {
          details: { cog: loaded.name },
        });
      }
      this.#tasks.set(`${loaded.name}:${definition.name}`, {
        definition,
        cog: loaded.name,
        pluginId: loaded.pluginId,
        logger: loaded.cog.logger,
        retry: { attempts: definition.retry?.attempts ?? 3, backoffMs: definition.retry?.backoffMs ?? 1000 },
      });
    }
    if (!this.#started) return;
    for (const definition of definitions) {
      if (definition.kind !== 'recurring') continue;
      const registered = this.#tasks.get(`${loaded.name}:${definition.name}`)!;
      if (definition.perGuild) for (const guildId of this.#guildIds()) await this.#upsert(registered, definition, guildId);
      else await this.#upsert(registered, definition, undefined);
    }
  }

  /** Stops a cog's schedules and pending one-off jobs across the deployment (the cog was unloaded at runtime). */
  async removeCog(cogName: string): Promise<void> {
    for (const key of [...this.#tasks.keys()]) if (key.startsWith(`${cogName}:`)) this.#tasks.delete(key);
    const ids = (await readTaskStatuses(this.deps.kv)).filter((status) => status.cog === cogName).map((status) => status.id);
    for (const id of ids) await this.deps.backend.removeSchedule(id);
    const removed = await this.deps.backend.removeJobs((data) => data.cog === cogName);
    await deleteTaskStatuses(this.deps.kv, ids);
    this.deps.logger.info({ cog: cogName, schedules: ids.length, jobs: removed }, 'tasks of an unloaded cog stopped');
  }

  /** Starts the per-guild schedules for a guild the bot joined. */
  async addGuild(guildId: string): Promise<void> {
    for (const registered of this.#tasks.values()) {
      if (registered.definition.kind === 'recurring' && registered.definition.perGuild) await this.#upsert(registered, registered.definition, guildId);
    }
  }

  /** Stops a guild's schedules and pending one-off jobs (the bot left it). */
  async removeGuild(guildId: string): Promise<void> {
    const ids = (await readTaskStatuses(this.deps.kv)).filter((status) => status.guildId === guildId && status.kind !== 'one-off').map((status) => status.id);
    for (const id of ids) await this.deps.backend.removeSchedule(id);
    const removed = await this.deps.backend.removeJobs((data) => data.guildId === guildId);
    await deleteTaskStatuses(this.deps.kv, ids);
    this.deps.logger.info({ guild_id: guildId, schedules: ids.length, jobs: removed }, 'tasks of a guild the bot left stopped');
  }

  async schedule(cog: string, task: string, options: ScheduleOptions): Promise<string> {
    const registered = this.#tasks.get(`${cog}:${task}`);
    if (registered === undefined || registered.definition.kind !== 'one-off') {
      throw new BotError(
        BOT_ERROR_CODES.taskUnknown,
        `cog "${cog}" declares no one-off task "${task}"; declare it with oneOffTask({ name: '${task}', run }) in the cog's \`tasks\``,
        {
          details: { cog, task },
        },
      );
    }
    if (!Number.isFinite(options.delayMs) || options.delayMs < 0) {
      throw new BotError(BOT_ERROR_CODES.taskInvalid, `schedule("${task}") needs delayMs ≥ 0, got ${String(options.delayMs)}`, { details: { cog, task } });
    }
    const id = await this.deps.backend.enqueue({ cog, task, guildId: options.guildId, payload: options.payload }, options.delayMs, registered.retry);
    const status = (await readTaskStatus(this.deps.kv, `${cog}:${task}`)) ?? this.#initialStatus(registered, registered.definition, undefined);
    const due = Date.now() + options.delayMs;
    await writeTaskStatus(this.deps.kv, {
      ...status,
      nextRunAt: status.nextRunAt === undefined || status.nextRunAt < Date.now() ? due : Math.min(status.nextRunAt, due),
    });
    return id;
  }

  /** Stops taking jobs; schedules and pending jobs stay stored for the next start. */
  async close(): Promise<void> {
    this.#started = false;
    this.#closing ??= this.deps.backend.close();
    await this.#closing;
  }

  async #upsert(registered: RegisteredTask, definition: RecurringTaskDefinition, guildId: string | undefined): Promise<void> {
    const id = guildId === undefined ? `${registered.cog}:${definition.name}` : `${registered.cog}:${definition.name}:${guildId}`;
    const next = await this.deps.backend.upsertSchedule(id, definition.repeat, { cog: registered.cog, task: definition.name, guildId }, registered.retry);
    const previous = await readTaskStatus(this.deps.kv, id);
    await writeTaskStatus(this.deps.kv, { ...this.#initialStatus(registered, definition, guildId), ...pickProgress(previous), nextRunAt: next });
  }

  #initialStatus(registered: RegisteredTask, definition: TaskDefinition, guildId: string | undefined): TaskStatus {
    const repeat = definition.kind === 'recurring' ? definition.repeat : undefined;
    return {
      id: guildId === undefined ? `${registered.cog}:${definition.name}` : `${registered.cog}:${definition.name}:${guildId}`,
      pluginId: registered.pluginId ?? null,
      cog: registered.cog,
      task: definition.name,
      kind: repeat === undefined ? 'one-off' : 'cron' in repeat ? 'cron' : 'interval',
      ...(repeat !== undefined && 'cron' in repeat ? { cron: repeat.cron, timeZone: repeat.timeZone ?? 'UTC' } : {}),
      ...(repeat !== undefined && 'everyMs' in repeat ? { everyMs: repeat.everyMs } : {}),
      ...(guildId === undefined ? {} : { guildId }),
      backend: this.deps.backend.kind,
      runs: 0,
      failures: 0,
    };
  }

  #statusId(job: TaskJob, registered: RegisteredTask): string {
    const perGuild = registered.definition.kind === 'recurring' && registered.definition.perGuild === true;
    return perGuild && job.data.guildId !== undefined ? `${job.data.cog}:${job.data.task}:${job.data.guildId}` : `${job.data.cog}:${job.data.task}`;
  }

  async #run(job: TaskJob): Promise<void> {
    const registered = this.#tasks.get(`${job.data.cog}:${job.data.task}`);
    // Another process may still have the cog; failing lets BullMQ retry there.
    if (registered === undefined)
      throw new BotError(BOT_ERROR_CODES.taskUnknown, `no task "${job.data.task}" of cog "${job.data.cog}" is loaded in this process`);
    const correlationId = createCorrelationId();
    const fields = {
      correlation_id: correlationId,
      plugin: registered.pluginId,
      cog: registered.cog,
      task: job.data.task,
      job_id: job.id,
      attempt: job.attempt,
      ...(job.data.guildId === undefined ? {} : { guild_id: job.data.guildId }),
    };
    await withLogContext(fields, async () => {
      const logger = this.deps.logger;
      const { definition } = registered;
      const context = { guildId: job.data.guildId, dueAt: new Date(job.dueAt), attempt: job.attempt, correlationId, logger: registered.logger };
      // Recurring runs carry no payload; a one-off job carries what `schedule()` stored.
      if (definition.kind === 'one-off') await definition.run({ ...context, payload: job.data.payload });
      else await definition.run({ ...context, payload: undefined });
      logger.debug({ due_at: new Date(job.dueAt).toISOString() }, 'task ran');
    });
    await this.#record(job, registered, { lastResult: 'ok', lastError: undefined, lastCorrelationId: correlationId }, { runs: 1 });
  }

  async #failed(job: TaskJob, error: unknown, final: boolean): Promise<void> {
    const registered = this.#tasks.get(`${job.data.cog}:${job.data.task}`);
    const message = error instanceof Error ? error.message : String(error);
    const fields = { plugin: registered?.pluginId, cog: job.data.cog, task: job.data.task, job_id: job.id, attempt: job.attempt, guild_id: job.data.guildId };
    if (final) this.deps.logger.error({ ...fields, err: error }, 'task failed after its last attempt');
    else this.deps.logger.warn({ ...fields, err: error }, 'task failed; retrying with backoff');
    if (registered === undefined) return;
    await this.#record(
      job,
      registered,
      { lastResult: final ? 'failed' : 'retrying', lastError: message },
      { runs: final ? 1 : 0, failures: final ? 1 : 0 },
    ).catch(() => {});
  }

  async #record(job: TaskJob, registered: RegisteredTask, fields: Partial<TaskStatus>, add: { runs?: number; failures?: number }): Promise<void> {
    const id = this.#statusId(job, registered);
    const guildId = id.split(':')[2];
    const status = (await readTaskStatus(this.deps.kv, id)) ?? this.#initialStatus(registered, registered.definition, guildId);
    const nextRunAt = status.kind === 'one-off' ? undefined : await this.deps.backend.nextRun(id);
    await writeTaskStatus(this.deps.kv, {
      ...status,
      ...fields,
      lastRunAt: Date.now(),
      nextRunAt,
      runs: status.runs + (add.runs ?? 0),
      failures: status.failures + (add.failures ?? 0),
    });
  }
}

function pickProgress(status: TaskStatus | undefined): Partial<TaskStatus> {
  if (status === undefined) return {};
  const { lastRunAt, lastResult, lastError, lastCorrelationId, runs, failures } = status;
  return { lastRunAt, lastResult, lastError, lastCorrelationId, runs, failures };
}
