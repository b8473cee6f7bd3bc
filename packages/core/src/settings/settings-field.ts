import { z } from 'zod';

/**
 * The JSON-Schema keyword that tells the dashboard which Discord picker edits a settings field. Its value is a
 * {@link SettingsWidget}; the field itself is a string holding a Discord id.
 */
export const SETTINGS_WIDGET_KEYWORD = 'x-baseline-widget';

/**
 * The JSON-Schema keyword listing the channel types a channel picker offers (Discord's channel type numbers, e.g.
 * `0` text, `2` voice, `4` category, `5` announcement). Absent: every channel.
 */
export const SETTINGS_CHANNEL_TYPES_KEYWORD = 'x-baseline-channel-types';

/** The Discord pickers the dashboard draws for a field marked with {@link SETTINGS_WIDGET_KEYWORD}. */
export type SettingsWidget = 'channel' | 'role' | 'member';

/** Options of {@link settingsField.channel}. */
export interface ChannelFieldOptions {
  /**
   * The channel types the picker offers, as Discord numbers them (`0` text, `2` voice, `5` announcement, …).
   * @default every type
   */
  types?: readonly number[];
}

/** A Discord id as a string: 17 to 20 digits (the same rule the API applies to path parameters). */
function discordId(what: string) {
  return z.string().regex(/^\d{17,20}$/, `must be a Discord ${what} id (17 to 20 digits)`);
}

/**
 * Settings fields holding Discord ids, drawn in the dashboard as pickers fed by the guild's data instead of text
 * boxes. Each is a `z.string()` of a snowflake whose JSON Schema carries `"x-baseline-widget": "channel" | "role" |
 * "member"` (zod's `.meta()` reaches `toJSONSchema` output as is). Like any settings field they need a default or
 * `.optional()`; chain zod methods as usual (`.optional()`, `.describe()`, inside `z.array(...)`).
 *
 * @example
 * ```ts
 * export const settings = defineSettings(
 *   z.object({
 *     logChannelId: settingsField.channel({ types: [0] }).optional().describe('Where warnings are posted'),
 *     moderatorRoleIds: z.array(settingsField.role()).max(10).default([]),
 *     contactUserId: settingsField.member().optional(),
 *   }),
 * );
 * ```
 */
export const settingsField = {
  /**
   * A channel id, picked among the guild's channels.
   * @param options - restrict the picker to some channel types.
   */
  channel(options: ChannelFieldOptions = {}) {
    return discordId('channel').meta({
      [SETTINGS_WIDGET_KEYWORD]: 'channel' satisfies SettingsWidget,
      ...(options.types === undefined ? {} : { [SETTINGS_CHANNEL_TYPES_KEYWORD]: [...options.types] }),
    });
  },
  /** A role id, picked among the guild's roles. */
  role() {
    return discordId('role').meta({ [SETTINGS_WIDGET_KEYWORD]: 'role' satisfies SettingsWidget });
  },
  /** A user id, picked by searching the guild's members. */
  member() {
    return discordId('user').meta({ [SETTINGS_WIDGET_KEYWORD]: 'member' satisfies SettingsWidget });
  },
} as const;
