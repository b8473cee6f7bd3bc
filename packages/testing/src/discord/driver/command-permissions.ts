import { z } from 'zod';
import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord-emulator-error.js';
import type { EmulatorCore } from '../emulator-core.js';
import { Permission } from '../permissions.js';
import { Errors } from '../rest/api-error.js';
import { discordValue, snowflakeId } from '../rest/routes/form-fields.js';
import type { CommandRecord, GuildRecord } from '../state/records.js';
import { dispatchIfBotIn } from './dispatch-if-bot-in.js';

/** One overwrite: `type` 1 ROLE, 2 USER, 3 CHANNEL; `permission` true allows, false denies. */
export interface CommandPermission {
  id: string;
  type: 1 | 2 | 3;
  permission: boolean;
}

/** Discord's guild application command permissions object; `id` is a command id or the application id. */
export interface GuildCommandPermissions {
  id: string;
  application_id: string;
  guild_id: string;
  permissions: CommandPermission[];
}

/** Discord's limit of overwrites per command (or application) and guild. */
export const MAX_COMMAND_PERMISSIONS = 100;

/** The OAuth2 scope a bearer token needs to edit command permissions. */
export const COMMAND_PERMISSIONS_SCOPE = 'applications.commands.permissions.update';

/** The body of a PUT of command permissions: `permissions`, at most {@link MAX_COMMAND_PERMISSIONS} overwrites. */
export const commandPermissionsBody = z.object({
  permissions: z
    .array(
      z.object({
        id: snowflakeId,
        type: discordValue(
          (value): value is CommandPermission['type'] => value === 1 || value === 2 || value === 3,
          'ENUM_TYPE_COERCE',
          (value) => `Value "${String(value)}" is not a valid enum value.`,
        ),
        permission: discordValue(
          (value): value is boolean => typeof value === 'boolean',
          'BOOLEAN_TYPE_COERCE',
          () => 'Must be either true or false.',
        ),
      }),
    )
    .max(MAX_COMMAND_PERMISSIONS),
});

/**
 * Command permissions v2 per guild: overwrites for one command (or, under the application id, for all of them),
 * stored as the last PUT sent them, announced as APPLICATION_COMMAND_PERMISSIONS_UPDATE, and enforced when a
 * member invokes a command through the driver (Discord's client would not offer a command the member may not use).
 */
export class CommandPermissions {
  /** guild id → target id (command or application) → overwrites. */
  readonly #byGuild = new Map<string, Map<string, CommandPermission[]>>();

  constructor(private readonly core: EmulatorCore) {}

  #payload(guildId: string, targetId: string, permissions: CommandPermission[]): GuildCommandPermissions {
    return { id: targetId, application_id: this.core.ctx.application.id, guild_id: guildId, permissions: permissions.map((entry) => ({ ...entry })) };
  }

  /** Every target with overwrites in the guild. */
  list(guildId: string): GuildCommandPermissions[] {
    return [...(this.#byGuild.get(guildId) ?? new Map<string, CommandPermission[]>())].map(([targetId, permissions]) =>
      this.#payload(guildId, targetId, permissions),
    );
  }

  /** The overwrites of one target, or `undefined` when none were ever set (Discord: 404 / 10066). */
  get(guildId: string, targetId: string): GuildCommandPermissions | undefined {
    const permissions = this.#byGuild.get(guildId)?.get(targetId);
    return permissions ? this.#payload(guildId, targetId, permissions) : undefined;
  }

  /** The command a permissions route names in a guild: a guild command of that guild or a global one (10063 otherwise). */
  target(guild: GuildRecord, targetId: string): CommandRecord | null {
    if (targetId === this.core.ctx.application.id) return null;
    const command = this.core.ctx.state.commandScope(guild.id).get(targetId) ?? this.core.ctx.state.commandScope(null).get(targetId);
    if (!command) throw Errors.unknownCommand();
    return command;
  }

  /**
   * PUT: checks that each overwrite names a known role, user or channel (its shape is {@link commandPermissionsBody}'s
   * to check), replaces the target's overwrites (an empty list removes them) and dispatches the update to the
   * guild's shard.
   */
  set(guild: GuildRecord, targetId: string, permissions: CommandPermission[]): GuildCommandPermissions {
    this.target(guild, targetId);
    for (const permission of permissions) this.#requireKnown(guild, permission);
    let guildMap = this.#byGuild.get(guild.id);
    if (!guildMap) {
      guildMap = new Map();
      this.#byGuild.set(guild.id, guildMap);
    }
    if (permissions.length === 0) guildMap.delete(targetId);
    else guildMap.set(targetId, permissions);
    const payload = this.#payload(guild.id, targetId, permissions);
    dispatchIfBotIn(this.core, guild, 'APPLICATION_COMMAND_PERMISSIONS_UPDATE', payload, 0);
    return payload;
  }

  #requireKnown(guild: GuildRecord, { id, type }: CommandPermission): void {
    if (type === 1 && !guild.roles.has(id)) throw Errors.unknownRole();
    if (type === 2 && !this.core.ctx.state.users.has(id)) throw Errors.unknownUser();
    if (type === 3 && id !== allChannelsId(guild.id) && !guild.channels.has(id)) throw Errors.unknownChannel();
  }

  /**
   * Whether `userId` may use `command` in `channelId`, as Discord decides: the guild owner and ADMINISTRATOR
   * always may; otherwise the member's own overwrite, else any role overwrite (an allow wins over a deny), else
   * the `@everyone` overwrite (role id = guild id), looked up on the command first and on the application's
   * guild-wide entry next; the channel (or "all channels" = guild id − 1) overwrite must not deny; with no
   * overwrite at all, `default_member_permissions` applies.
   */
  allows(guild: GuildRecord, command: CommandRecord, userId: string, channelId: string): boolean {
    const base = this.core.ctx.state.basePermissions(guild, userId);
    if ((base & Permission.Administrator) !== 0n) return true;
    const member = guild.members.get(userId);
    if (!member) return false;
    const scopes = [this.#byGuild.get(guild.id)?.get(command.id), this.#byGuild.get(guild.id)?.get(this.core.ctx.application.id)];
    const channel = firstDecision(scopes, (entries) => decide(entries, 3, [channelId]) ?? decide(entries, 3, [allChannelsId(guild.id)]));
    if (channel === false) return false;
    const memberDecision = firstDecision(
      scopes,
      (entries) => decide(entries, 2, [userId]) ?? decide(entries, 1, member.roles) ?? decide(entries, 1, [guild.id]),
    );
    if (memberDecision !== undefined) return memberDecision;
    const required = command.body['default_member_permissions'];
    if (typeof required !== 'string') return true;
    const bits = BigInt(required);
    return bits !== 0n && (base & bits) === bits;
  }
}

/** The id Discord uses for "all channels" of a guild: the guild id minus one. */
export function allChannelsId(guildId: string): string {
  return (BigInt(guildId) - 1n).toString();
}

/** Among overwrites of `type` for `ids`: true if any allows, false if all deny, undefined when none applies. */
function decide(entries: CommandPermission[], type: 1 | 2 | 3, ids: readonly string[]): boolean | undefined {
  const matching = entries.filter((entry) => entry.type === type && ids.includes(entry.id));
  if (matching.length === 0) return undefined;
  return matching.some((entry) => entry.permission);
}

function firstDecision(scopes: (CommandPermission[] | undefined)[], pick: (entries: CommandPermission[]) => boolean | undefined): boolean | undefined {
  for (const entries of scopes) {
    const decision = entries ? pick(entries) : undefined;
    if (decision !== undefined) return decision;
  }
  return undefined;
}

/**
 * Throws `BL_ERR_EMULATOR_COMMAND_NOT_PERMITTED` when the member may not use the command in that channel: the
 * driver refuses to invoke what Discord's client would not show.
 */
export function requireCommandPermitted(core: EmulatorCore, command: CommandRecord, guildId: string, userId: string, channelId: string): void {
  const guild = core.guilds.guild(guildId);
  if (core.commandPermissions.allows(guild, command, userId, channelId)) return;
  throw new DiscordEmulatorError(
    EMULATOR_ERROR_CODES.commandNotPermitted,
    `user ${userId} cannot use /${command.body.name} in guild ${guildId}: its command permissions or default_member_permissions hide it from them, so Discord would not offer it`,
    { details: { commandId: command.id, guildId, userId, channelId } },
  );
}
