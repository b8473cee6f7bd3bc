import type { Bot, CogClass } from '@baseline/bot';
import type { BaselineApp } from './define-app.js';

/** What a reload did. */
export interface CogReload {
  /** Cogs replaced by their edited class. */
  readonly reloaded: readonly string[];
  /** Cogs whose edited class failed to load (the previous class runs again). */
  readonly failed: readonly string[];
}

/**
 * Replaces every loaded cog by its class from a freshly imported app module, then syncs commands so edited
 * command definitions reach Discord. The bot, its services and its connection stay up: only the cogs change.
 * Cogs are matched by `meta.name`; a new cog or a changed plugin (settings, migrations) needs a restart.
 */
export async function reloadCogs(bot: Bot, app: BaselineApp): Promise<CogReload> {
  const classes = new Map<string, CogClass>();
  for (const cogClass of [...(app.plugins ?? []).flatMap(cogsOf), ...(app.cogs ?? [])]) classes.set(cogClass.meta.name, cogClass);
  const reloaded: string[] = [];
  const failed: string[] = [];
  for (const loaded of bot.cogs.list()) {
    const next = classes.get(loaded.name);
    if (next === undefined || next === loaded.cogClass) continue;
    if ((await bot.cogs.reload(loaded.name, next)) === undefined) failed.push(loaded.name);
    else reloaded.push(loaded.name);
  }
  if (reloaded.length > 0) await bot.commands.sync();
  return { reloaded, failed };
}

function cogsOf(plugin: unknown): CogClass[] {
  const cogs = (plugin as { cogs?: readonly CogClass[] } | undefined)?.cogs;
  return Array.isArray(cogs) ? [...cogs] : [];
}
