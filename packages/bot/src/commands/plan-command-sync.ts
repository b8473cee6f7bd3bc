import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { normalizeCommand } from './normalize-command.js';

/** A command as Discord lists it. */
export interface LiveCommand {
  id: string;
  name: string;
  type?: number;
  [field: string]: unknown;
}

/** What one scope (global or one guild) needs so Discord holds exactly the desired commands. */
export interface CommandSyncPlan {
  /** `null` for global commands. */
  readonly guildId: string | null;
  readonly create: readonly RESTPostAPIApplicationCommandsJSONBody[];
  readonly update: readonly { id: string; body: RESTPostAPIApplicationCommandsJSONBody }[];
  readonly delete: readonly { id: string; name: string; type: number }[];
  /** Commands already as desired. */
  readonly unchanged: readonly string[];
}

/** Compares desired with live commands (by name and type, then by normalized body). */
export function planCommandSync(
  guildId: string | null,
  desired: readonly RESTPostAPIApplicationCommandsJSONBody[],
  live: readonly LiveCommand[],
): CommandSyncPlan {
  const key = (command: { name: string; type?: number | undefined }) => `${command.type ?? 1}:${command.name}`;
  const liveByKey = new Map(live.map((command) => [key(command), command]));
  const create: RESTPostAPIApplicationCommandsJSONBody[] = [];
  const update: { id: string; body: RESTPostAPIApplicationCommandsJSONBody }[] = [];
  const unchanged: string[] = [];
  for (const body of desired) {
    const existing = liveByKey.get(key(body));
    liveByKey.delete(key(body));
    if (existing === undefined) create.push(body);
    else if (normalizeCommand(existing, body as unknown as Record<string, unknown>) !== normalizeCommand(body as unknown as Record<string, unknown>))
      update.push({ id: existing.id, body });
    else unchanged.push(body.name);
  }
  const removed = [...liveByKey.values()].map((command) => ({ id: command.id, name: command.name, type: command.type ?? 1 }));
  return { guildId, create, update, delete: removed, unchanged };
}

/** Whether a plan writes anything. */
export function planHasChanges(plan: CommandSyncPlan): boolean {
  return plan.create.length + plan.update.length + plan.delete.length > 0;
}

/**
 * The plan as text, one line per change.
 * @example
 * ```
 * global: 1 to create, 0 to update, 1 to delete, 2 unchanged
 *   + create /greet
 *   - delete /old
 * ```
 */
export function formatCommandSyncPlan(plans: readonly CommandSyncPlan[]): string {
  return plans
    .map((plan) => {
      const scope = plan.guildId === null ? 'global' : `guild ${plan.guildId}`;
      const lines = [
        `${scope}: ${plan.create.length} to create, ${plan.update.length} to update, ${plan.delete.length} to delete, ${plan.unchanged.length} unchanged`,
      ];
      for (const body of plan.create) lines.push(`  + create ${label(body.name, body.type)}`);
      for (const { body } of plan.update) lines.push(`  ~ update ${label(body.name, body.type)}`);
      for (const command of plan.delete) lines.push(`  - delete ${label(command.name, command.type)}`);
      return lines.join('\n');
    })
    .join('\n');
}

function label(name: string, type: number | undefined): string {
  return (type ?? 1) === 1 ? `/${name}` : `${name} (${type === 2 ? 'user' : 'message'} menu)`;
}
