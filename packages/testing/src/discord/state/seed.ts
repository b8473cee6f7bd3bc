import type { GuildInput, UserInput } from '../driver/inputs.js';

/**
 * Initial data of an emulator, as an object or a JSON file. References between entries use ids or names:
 * a guild's `owner` and members' `user` are user ids or usernames, member `roles` are role ids or names.
 *
 * @example
 * ```json
 * { "users": [{ "username": "owner" }, { "username": "alice" }],
 *   "guilds": [{ "name": "Demo", "owner": "owner",
 *                "roles": [{ "name": "Mod", "permissions": "32" }],
 *                "members": [{ "user": "alice", "roles": ["Mod"] }] }] }
 * ```
 */
export interface DiscordEmulatorSeed {
  users?: UserInput[];
  guilds?: GuildInput[];
}
