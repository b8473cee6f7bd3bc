import type { FastifyBaseLogger } from 'fastify';
import { commandPermissionsToken, storedCommandPermissionsTokens } from '../auth/command-permissions-grant.js';
import type { Caller } from '../auth/caller.js';
import { unseal } from '../auth/discord-tokens.js';
import type { CommandPermissionsEdit, DiscordCommandPermission } from '../discord/discord-rest.js';
import { API_ERROR_CODES } from '../errors/api-error.js';
import type { ApiContext } from '../http/api-context.js';
import { planCommandPermissions } from './plan-command-permissions.js';

/** Whether a toggle change reached Discord's command permissions, as the toggle answer reports it. */
export interface CommandPermissionsOutcome {
  /**
   * `synced`: overwrites were written; `unchanged`: Discord already matched (or the commands are not registered);
   * `not_synced`: the toggle applies in the bot, but members still see the command in Discord (see `code`).
   */
  status: 'synced' | 'unchanged' | 'not_synced';
  /** Names of the commands whose overwrites were written. */
  commands: string[];
  code: string | null;
  message: string | null;
}

const NOT_SYNCED = {
  notGranted: { code: API_ERROR_CODES.commandPermissionsNotGranted, message: 'not hidden in Discord: sign in again granting command permissions' },
  forbidden: {
    code: API_ERROR_CODES.commandPermissionsForbidden,
    message: 'not hidden in Discord: your Discord account needs Manage Server and Manage Roles in this guild',
  },
  failed: { code: API_ERROR_CODES.commandPermissionsFailed, message: 'not hidden in Discord: Discord could not be reached; toggle again to retry' },
} as const;

const notSynced = (reason: keyof typeof NOT_SYNCED, commands: string[] = []): CommandPermissionsOutcome => ({
  status: 'not_synced',
  commands,
  ...NOT_SYNCED[reason],
});

/** Which of Discord's refusals mean "this token may not do it" (sign in again) and which "this user may not". */
function refusalReason(edit: Extract<CommandPermissionsEdit, { ok: false }>): keyof typeof NOT_SYNCED {
  // 401 / 40001: token dead or without the scope (Discord's older answer); 20001: not a user token; 50026: scope missing.
  if (edit.status === 401 || edit.code === 40001 || edit.code === 20001 || edit.code === 50026) return 'notGranted';
  // 50013: lacks Manage Server or Manage Roles; 50001: not in the guild.
  if (edit.code === 50013 || edit.code === 50001) return 'forbidden';
  return 'failed';
}

/**
 * The caller's token for editing command permissions. When the stored grant is the caller's own session's grant,
 * the session's token is used (its refresh also moves the stored copy along); otherwise the stored grant's.
 */
async function editorToken(api: ApiContext, caller: Caller): Promise<string | undefined> {
  const deps = { db: api.services.db, kv: api.services.kv, cipher: api.cipher, discord: api.discord };
  const stored = await storedCommandPermissionsTokens(deps, caller.userId);
  if (stored === undefined) return undefined;
  if (unseal(caller.session.tokens, api.cipher).refreshToken === stored.refreshToken) return api.accessToken(caller);
  return commandPermissionsToken(deps, caller.userId);
}

/** The toggle that changed: a plugin (`command` undefined: all its commands) or one of its commands. */
export interface ChangedToggle {
  guildId: string;
  pluginId: string;
  command: string | undefined;
}

/**
 * After a toggle change in a guild: makes each registered command it covers hidden from members in Discord when it
 * is disabled (plugin or command off) and visible again when enabled, with the acting user's stored token. Only
 * the changed toggle's commands are touched, so an `@everyone` deny the guild set by hand on another command stays.
 * Never throws: every failure is reported in the outcome (and logged without tokens), since the toggle itself
 * already applies.
 */
export async function syncCommandPermissions(
  api: ApiContext,
  caller: Caller,
  changed: ChangedToggle,
  log: FastifyBaseLogger,
): Promise<CommandPermissionsOutcome> {
  const { guildId, pluginId } = changed;
  try {
    const applicationId = api.services.config.discord.clientId;
    if (applicationId === undefined || !api.discord.hasBotToken) return notSynced('failed');
    const plugin = (await api.services.toggles.guild(guildId)).find((entry) => entry.pluginId === pluginId);
    if (plugin === undefined) return { status: 'unchanged', commands: [], code: null, message: null };
    const [guildCommands, globalCommands] = await Promise.all([
      api.discord.applicationCommands(applicationId, guildId),
      api.discord.applicationCommands(applicationId, null),
    ]);
    const changes: { name: string; commandId: string; permissions: DiscordCommandPermission[] }[] = [];
    for (const [name, state] of Object.entries(plugin.commands)) {
      if (changed.command !== undefined && changed.command !== name) continue;
      // A guild command shadows a global one of the same name in that guild, as in Discord's client.
      const registered = guildCommands.find((command) => command.name === name) ?? globalCommands.find((command) => command.name === name);
      if (registered === undefined) continue;
      const current = await api.discord.commandPermissions(applicationId, guildId, registered.id);
      const plan = planCommandPermissions(current, guildId, !(plugin.enabled && state.enabled));
      if (plan === 'unchanged') continue;
      if (plan === 'full') {
        log.warn({ guild_id: guildId, command: name }, 'command has 100 permission overwrites already; not hidden in Discord');
        return notSynced('failed');
      }
      changes.push({ name, commandId: registered.id, permissions: plan });
    }
    if (changes.length === 0) return { status: 'unchanged', commands: [], code: null, message: null };
    const token = await editorToken(api, caller);
    if (token === undefined) return notSynced('notGranted');
    const written: string[] = [];
    for (const change of changes) {
      const edit = await api.discord.editCommandPermissions(applicationId, guildId, change.commandId, token, change.permissions);
      if (!edit.ok) {
        log.warn({ guild_id: guildId, command: change.name, status: edit.status, discord_code: edit.code }, 'Discord refused to edit command permissions');
        return notSynced(refusalReason(edit), written);
      }
      written.push(change.name);
    }
    log.info({ guild_id: guildId, plugin_id: pluginId, commands: written }, 'command permissions synced with toggles');
    return { status: 'synced', commands: written, code: null, message: null };
  } catch (error) {
    log.warn({ err: error, guild_id: guildId, plugin_id: pluginId }, 'syncing command permissions failed; the toggle applies anyway');
    return notSynced('failed');
  }
}
