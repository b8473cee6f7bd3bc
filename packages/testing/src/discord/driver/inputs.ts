/** A permission bit set: bigint, decimal string or number. */
export type PermissionsInput = bigint | string | number;

/** A user to create. */
export interface UserInput {
  /** @default a generated snowflake */
  id?: string;
  username: string;
  /** @default null */
  globalName?: string | null;
  /** @default false */
  bot?: boolean;
  /** Returned by `/users/@me` with the `email` scope. @default `${username}@example.test` */
  email?: string | null;
  /** @default 'en-US' */
  locale?: string;
}

/** A role to create. */
export interface RoleInput {
  /** @default a generated snowflake */
  id?: string;
  name: string;
  /** @default 0 */
  permissions?: PermissionsInput;
  /** @default after the last role */
  position?: number;
  /** @default 0 */
  color?: number;
  /** @default false */
  hoist?: boolean;
  /** @default false */
  mentionable?: boolean;
}

/** A channel permission overwrite; `id` is a role or user id, or a role name. */
export interface OverwriteInput {
  id: string;
  type: 'role' | 'member';
  allow?: PermissionsInput;
  deny?: PermissionsInput;
}

/** A channel to create. */
export interface ChannelInput {
  /** @default a generated snowflake */
  id?: string;
  name: string;
  /** 0 text, 2 voice, 4 category, 5 announcement, 15 forum. @default 0 */
  type?: number;
  /** @default null */
  topic?: string | null;
  /** Category id or name. @default null */
  parent?: string | null;
  /** @default after the last channel */
  position?: number;
  /** @default [] */
  overwrites?: OverwriteInput[];
}

/** A member to add; `user` is a user id or username, `roles` role ids or names. */
export interface MemberInput {
  user: string;
  /** @default null */
  nick?: string | null;
  /** @default [] */
  roles?: string[];
  /** @default now */
  joinedAt?: string;
}

/** How the bot joins a guild. */
export interface BotJoinInput {
  /** Permissions of the bot's managed role. @default 311385214144 (view, send, embed, history, audit log, commands, add reactions, create public threads, send in threads) */
  permissions?: PermissionsInput;
  /** Who added the bot (user id or username), recorded in the BOT_ADD audit entry. @default the guild owner */
  addedBy?: string;
}

/** A guild to create. */
export interface GuildInput {
  /** @default a generated snowflake */
  id?: string;
  name: string;
  /** Owner user id or username; the owner becomes a member. */
  owner: string;
  /** `@everyone` permissions. @default 2147552256 (view, send, history, use commands) */
  everyonePermissions?: PermissionsInput;
  /** @default [] */
  roles?: RoleInput[];
  /** @default one text channel "general" */
  channels?: ChannelInput[];
  /** @default [] (the owner is always a member) */
  members?: MemberInput[];
  /** The bot's membership: `false` to leave it out. @default true (joined, added by the owner) */
  bot?: boolean | BotJoinInput;
  /** @default 'en-US' */
  preferredLocale?: string;
  /** @default [] */
  features?: string[];
}

/** Fields of a member to change. */
export interface MemberUpdateInput {
  nick?: string | null;
  /** Replaces the member's roles (ids or names). */
  roles?: string[];
  communicationDisabledUntil?: string | null;
}

export function toPermissions(value: PermissionsInput | undefined, fallback: bigint): bigint {
  if (value === undefined) return fallback;
  return typeof value === 'bigint' ? value : BigInt(value);
}
