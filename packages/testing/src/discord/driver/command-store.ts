import type { EmulatorCore } from '../emulator-core.js';
import { z } from 'zod';
import { Errors } from '../rest/api-error.js';
import { parseFormBody } from '../rest/form-errors.js';
import type { CommandRecord } from '../state/records.js';

type CommandBody = Record<string, unknown>;

/**
 * Application commands per scope. Bodies are echoed exactly as received plus `id`, `application_id`,
 * `version`, `type` (default 1) and `guild_id`: any other default would make sync libraries (Sapphire)
 * see a difference and re-send the command on every boot.
 */
export class CommandStore {
  /** Creates per scope in the current quota window. */
  readonly #creates = new Map<string, { windowStart: number; count: number }>();

  constructor(private readonly core: EmulatorCore) {}

  /**
   * Discord's quotas before `incoming` new commands are created in a scope: at most 100 CHAT_INPUT, 15 USER
   * and 15 MESSAGE commands (30032), and `commands.dailyCreateLimit` creates per window (30034). Updates of
   * existing commands (same name and type) count against neither.
   */
  #checkQuota(guildId: string | null, incoming: CommandBody[], remaining: CommandRecord[]): void {
    if (incoming.length === 0) return;
    for (const type of new Set(incoming.map(typeOf))) {
      const limit = TYPE_LIMITS[type] ?? 100;
      const count = remaining.filter((command) => command.body.type === type).length + incoming.filter((input) => typeOf(input) === type).length;
      if (count > limit) throw Errors.maxCommands(limit);
    }
    const { dailyCreateLimit, createWindowMs } = this.core.ctx.options.commands;
    const key = guildId ?? 'global';
    const now = Date.now();
    let window = this.#creates.get(key);
    if (!window || now - window.windowStart >= createWindowMs) {
      window = { windowStart: now, count: 0 };
      this.#creates.set(key, window);
    }
    if (window.count + incoming.length > dailyCreateLimit) throw Errors.maxDailyCommandCreates(dailyCreateLimit);
    window.count += incoming.length;
  }

  list(guildId: string | null): CommandRecord[] {
    return [...this.core.ctx.state.commandScope(guildId).values()];
  }

  get(guildId: string | null, commandId: string): CommandRecord {
    const command = this.core.ctx.state.commandScope(guildId).get(commandId);
    if (!command) throw Errors.unknownCommand();
    return command;
  }

  /** The command named `name` (and `type`) in the guild scope, else the global one. */
  findByName(guildId: string | null, name: string, type?: number): CommandRecord | undefined {
    return (guildId ? this.#findIn(guildId, name, type) : undefined) ?? this.#findIn(null, name, type);
  }

  #findIn(scope: string | null, name: string, type: number | undefined): CommandRecord | undefined {
    for (const command of this.core.ctx.state.commandScope(scope).values()) {
      if (command.body.name === name && (type === undefined || command.body.type === type)) return command;
    }
    return undefined;
  }

  /** POST: creates, or overwrites the command with the same name and type (keeping its id). */
  upsert(guildId: string | null, body: unknown): { command: CommandRecord; created: boolean } {
    const input = validate(body);
    const type = typeof input['type'] === 'number' ? input['type'] : 1;
    const existing = this.list(guildId).find((command) => command.body.name === input['name'] && command.body.type === type);
    if (!existing) this.#checkQuota(guildId, [input], this.list(guildId));
    const command = this.#record(guildId, input, existing?.id);
    this.core.ctx.state.commandScope(guildId).set(command.id, command);
    return { command, created: !existing };
  }

  /** PATCH: provided fields replace stored ones. */
  edit(guildId: string | null, commandId: string, body: unknown): CommandRecord {
    const existing = this.get(guildId, commandId);
    const patch = parseFormBody(z.looseObject({}), body);
    const command = this.#record(guildId, validate({ ...existing.body, ...withoutServerFields(patch) }), commandId);
    this.core.ctx.state.commandScope(guildId).set(commandId, command);
    return command;
  }

  delete(guildId: string | null, commandId: string): void {
    this.get(guildId, commandId);
    this.core.ctx.state.commandScope(guildId).delete(commandId);
  }

  /** PUT: replaces the whole scope, keeping ids of commands whose name and type survive. */
  overwrite(guildId: string | null, body: unknown): CommandRecord[] {
    const inputs = parseFormBody(z.array(commandBody), body).map(withoutServerFields);
    const scope = this.core.ctx.state.commandScope(guildId);
    const previous = [...scope.values()];
    const kept = inputs.map((input) => previous.find((command) => command.body.name === input['name'] && command.body.type === typeOf(input)));
    // PUT replaces the scope: only the commands it creates count, against what it keeps.
    this.#checkQuota(
      guildId,
      inputs.filter((_, index) => !kept[index]),
      kept.filter((command): command is CommandRecord => command !== undefined),
    );
    const next = inputs.map((input, index) => this.#record(guildId, input, kept[index]?.id));
    scope.clear();
    for (const command of next) scope.set(command.id, command);
    return next;
  }

  #record(guildId: string | null, input: CommandBody, id?: string): CommandRecord {
    const { application, snowflakes } = this.core.ctx;
    const commandId = id ?? snowflakes.next();
    const body = {
      ...input,
      id: commandId,
      application_id: application.id,
      version: snowflakes.next(),
      type: typeof input['type'] === 'number' ? input['type'] : 1,
      name: input['name'] as string,
    } as CommandRecord['body'];
    if (guildId) body['guild_id'] = guildId;
    return { id: commandId, guildId, body };
  }
}

/** Most commands of one type per scope: CHAT_INPUT 100, USER 15, MESSAGE 15, PRIMARY_ENTRY_POINT 1. */
const TYPE_LIMITS: Record<number, number> = { 1: 100, 2: 15, 3: 15, 4: 1 };

function typeOf(input: CommandBody): number {
  return typeof input['type'] === 'number' ? input['type'] : 1;
}

/** What Discord accepts as a CHAT_INPUT command name: lower case, letters, digits, `-`, `_`, `'` and Devanagari or Thai. */
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * A command body as Discord checks it: `name` of 1 to 32 characters and, for a CHAT_INPUT command (type 1, the
 * default), a valid lower-case name and a `description` of 1 to 100 characters. Every other field is kept as sent.
 */
const commandBody = z
  .looseObject({ name: z.string().min(1).max(32), type: z.number().int().optional(), description: z.string().max(100).optional() })
  .superRefine((input, context) => {
    if ((input.type ?? 1) !== 1) return;
    if (!CHAT_INPUT_NAME.test(input.name) || input.name !== input.name.toLowerCase()) {
      const params = { discordCode: 'APPLICATION_COMMAND_INVALID_NAME' };
      context.addIssue({ code: 'custom', path: ['name'], input: input.name, message: 'Command name is invalid', params });
    }
    if (!input.description) context.addIssue({ code: 'custom', path: ['description'], input: undefined, message: 'This field is required' });
  });

/** The command a body describes, without the fields Discord sets (`id`, `application_id`, `version`, `guild_id`). */
function withoutServerFields(input: CommandBody): CommandBody {
  const { id: _id, application_id: _app, version: _version, guild_id: _guild, ...rest } = input;
  return rest;
}

function validate(body: unknown): CommandBody {
  return withoutServerFields(parseFormBody(commandBody, body));
}
