/** A Discord channel the channel picker offers (`type` is Discord's channel type number: 0 text, 2 voice, …). */
export interface SettingsChannel {
  id: string;
  name: string;
  type: number;
}

/** A Discord role the role picker offers. */
export interface SettingsRole {
  id: string;
  name: string;
}

/** A guild member the member picker found. */
export interface SettingsMember {
  id: string;
  username: string;
  display_name?: string | null;
}

/** The guild's Discord data the pickers need: `GET /api/v1/guilds/{guild_id}/discord` and the member search. */
export interface SettingsDiscordData {
  channels: SettingsChannel[];
  roles: SettingsRole[];
  /** Members whose username or nickname starts with `query` (`GET …/members?query=`). */
  searchMembers(query: string): Promise<SettingsMember[]>;
}

/** A rejected field as the API names it: `<namespace>.<field>[.<sub>…]`. */
export interface SettingsFieldError {
  path: string;
  message: string;
}

/**
 * What saving one namespace came to, as the caller read it from the API:
 * - `ok`;
 * - `invalid`: a 422 with the API's field errors, shown next to their fields;
 * - `conflict`: a 412, someone else saved first (`error.changed_by`); the user's edits are kept;
 * - `error`: anything else, its message shown above the form.
 */
export type SaveOutcome =
  | { ok: true }
  | { ok: false; kind: 'invalid'; fields: SettingsFieldError[] }
  | { ok: false; kind: 'conflict'; changedBy?: string | null; changedAt?: string | null }
  | { ok: false; kind: 'error'; message: string };

/** Props of {@link SettingsForms}. */
export interface SettingsFormsProps {
  /**
   * The body of `GET /api/v1/settings/schema`: its `properties` map each namespace to its JSON Schema. A plain map
   * of namespace to JSON Schema is accepted too.
   */
  schema: Record<string, unknown>;
  /** The guild's current values by namespace: `settings` of `GET /api/v1/guilds/{guild_id}/settings`. */
  values: Record<string, Record<string, unknown>>;
  /** Channels, roles and the member search for the Discord pickers. */
  discord: SettingsDiscordData;
  /** Saves one namespace's whole value (`PUT …/settings` with `{ [namespace]: value }` and `If-Match`). */
  onSave(namespace: string, value: Record<string, unknown>): Promise<SaveOutcome>;
}
