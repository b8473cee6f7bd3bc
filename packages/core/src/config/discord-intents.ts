/**
 * Discord gateway intents by their canonical name (Discord's own names, lower snake case) and bit number.
 * The bot turns a list of names into the IDENTIFY bitfield; core only validates names.
 */
export const DISCORD_INTENT_BITS = {
  guilds: 0,
  guild_members: 1,
  guild_moderation: 2,
  guild_expressions: 3,
  guild_integrations: 4,
  guild_webhooks: 5,
  guild_invites: 6,
  guild_voice_states: 7,
  guild_presences: 8,
  guild_messages: 9,
  guild_message_reactions: 10,
  guild_message_typing: 11,
  direct_messages: 12,
  direct_message_reactions: 13,
  direct_message_typing: 14,
  message_content: 15,
  guild_scheduled_events: 16,
  auto_moderation_configuration: 20,
  auto_moderation_execution: 21,
  guild_message_polls: 24,
  direct_message_polls: 25,
} as const;

/** A canonical Discord intent name, e.g. `guild_members`. */
export type DiscordIntentName = keyof typeof DISCORD_INTENT_BITS;

/** Every canonical intent name, in bit order. */
export const DISCORD_INTENT_NAMES = Object.keys(DISCORD_INTENT_BITS) as readonly DiscordIntentName[];

/** Short names accepted in `DISCORD_INTENTS` (the original specification's and discord.py's spellings). */
export const DISCORD_INTENT_ALIASES: Readonly<Record<string, DiscordIntentName>> = {
  members: 'guild_members',
  moderation: 'guild_moderation',
  bans: 'guild_moderation',
  emojis: 'guild_expressions',
  expressions: 'guild_expressions',
  integrations: 'guild_integrations',
  webhooks: 'guild_webhooks',
  invites: 'guild_invites',
  voice_states: 'guild_voice_states',
  presences: 'guild_presences',
  messages: 'guild_messages',
  reactions: 'guild_message_reactions',
  typing: 'guild_message_typing',
  dm_messages: 'direct_messages',
  dm_reactions: 'direct_message_reactions',
  dm_typing: 'direct_message_typing',
  scheduled_events: 'guild_scheduled_events',
  polls: 'guild_message_polls',
  dm_polls: 'direct_message_polls',
};

/**
 * Resolves one intent name or alias (case-insensitive, `-` treated as `_`) to its canonical name.
 *
 * @returns the canonical name, or `undefined` for an unknown name
 * @example
 * ```ts
 * resolveDiscordIntent('Members'); // 'guild_members'
 * ```
 */
export function resolveDiscordIntent(name: string): DiscordIntentName | undefined {
  const key = name.trim().toLowerCase().replaceAll('-', '_');
  if (Object.hasOwn(DISCORD_INTENT_BITS, key)) return key as DiscordIntentName;
  return Object.hasOwn(DISCORD_INTENT_ALIASES, key) ? DISCORD_INTENT_ALIASES[key] : undefined;
}

/**
 * The IDENTIFY bitfield for a list of canonical intent names.
 *
 * @example
 * ```ts
 * discordIntentsBitfield(['guilds', 'guild_messages']); // 513
 * ```
 */
export function discordIntentsBitfield(names: Iterable<DiscordIntentName>): number {
  let bits = 0;
  for (const name of names) bits |= 1 << DISCORD_INTENT_BITS[name];
  return bits;
}
