/**
 * The JSON-Schema keyword `@baseline/core`'s `settingsField.channel()`, `.role()` and `.member()` emit, naming the
 * Discord picker of a field (`SETTINGS_WIDGET_KEYWORD` there; repeated here so the browser bundle does not import
 * core, which runs on Node).
 */
export const WIDGET_KEYWORD = 'x-baseline-widget';

/** The keyword listing the Discord channel types a channel picker offers (`SETTINGS_CHANNEL_TYPES_KEYWORD` in core). */
export const CHANNEL_TYPES_KEYWORD = 'x-baseline-channel-types';

/** The rjsf widget registered for each value of {@link WIDGET_KEYWORD}. */
export const DISCORD_WIDGETS = {
  channel: 'discordChannel',
  role: 'discordRole',
  member: 'discordMember',
} as const;
