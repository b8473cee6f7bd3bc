/** Gateway intent bits the emulator acts on. */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildModeration: 1 << 2,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  GuildMessageTyping: 1 << 11,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  DirectMessageTyping: 1 << 14,
  MessageContent: 1 << 15,
} as const;

/** Every defined intent bit (bits 0–16, 20, 21, 24, 25); other bits close IDENTIFY with 4013. */
export const VALID_INTENTS = 53_608_447;

/** Privileged intent bits by the name used in `ApplicationOptions.privilegedIntents`. */
export const PRIVILEGED_INTENTS = {
  GuildMembers: Intent.GuildMembers,
  GuildPresences: Intent.GuildPresences,
  MessageContent: Intent.MessageContent,
} as const;
