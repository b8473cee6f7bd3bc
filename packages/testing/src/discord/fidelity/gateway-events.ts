/** One gateway dispatch as the fidelity table lists it. */
export interface GatewayEventFidelity {
  name: string;
  /** The intent that subscribes to it ('none' = always sent). */
  intent: string;
  status: 'emulated' | 'partial' | 'not yet';
  note?: string;
}

/**
 * Gateway dispatches a discord.js 14 bot can receive. Rows marked emulated or partial must be dispatched
 * somewhere in the emulator's source and rows marked "not yet" must not be (the fidelity test checks both).
 */
export const gatewayEvents: readonly GatewayEventFidelity[] = [
  { name: 'READY', intent: 'none', status: 'emulated' },
  { name: 'RESUMED', intent: 'none', status: 'emulated' },
  { name: 'RATE_LIMITED', intent: 'none', status: 'emulated', note: 'request-all-members only' },
  { name: 'GUILD_CREATE', intent: 'GUILDS', status: 'emulated' },
  { name: 'GUILD_UPDATE', intent: 'GUILDS', status: 'not yet' },
  { name: 'GUILD_DELETE', intent: 'GUILDS', status: 'emulated' },
  { name: 'GUILD_ROLE_CREATE', intent: 'GUILDS', status: 'emulated' },
  { name: 'GUILD_ROLE_UPDATE', intent: 'GUILDS', status: 'emulated' },
  { name: 'GUILD_ROLE_DELETE', intent: 'GUILDS', status: 'emulated' },
  { name: 'CHANNEL_CREATE', intent: 'GUILDS', status: 'emulated' },
  { name: 'CHANNEL_UPDATE', intent: 'GUILDS', status: 'emulated' },
  { name: 'CHANNEL_DELETE', intent: 'GUILDS', status: 'emulated' },
  { name: 'CHANNEL_PINS_UPDATE', intent: 'GUILDS', status: 'not yet' },
  { name: 'THREAD_CREATE', intent: 'GUILDS', status: 'emulated' },
  { name: 'THREAD_UPDATE', intent: 'GUILDS', status: 'emulated' },
  { name: 'THREAD_DELETE', intent: 'GUILDS', status: 'emulated' },
  { name: 'THREAD_LIST_SYNC', intent: 'GUILDS', status: 'emulated', note: 'when the bot gains view of a channel with active threads' },
  { name: 'THREAD_MEMBER_UPDATE', intent: 'GUILDS', status: 'emulated', note: 'when the bot joins or is added to a thread' },
  { name: 'THREAD_MEMBERS_UPDATE', intent: 'GUILDS (+ GUILD_MEMBERS for others)', status: 'emulated' },
  { name: 'GUILD_MEMBER_ADD', intent: 'GUILD_MEMBERS', status: 'emulated' },
  { name: 'GUILD_MEMBER_UPDATE', intent: 'GUILD_MEMBERS (the bot’s own: none)', status: 'emulated' },
  { name: 'GUILD_MEMBER_REMOVE', intent: 'GUILD_MEMBERS', status: 'emulated' },
  { name: 'GUILD_MEMBERS_CHUNK', intent: 'none (op 8)', status: 'emulated' },
  { name: 'GUILD_AUDIT_LOG_ENTRY_CREATE', intent: 'GUILD_MODERATION', status: 'emulated', note: 'while the bot has VIEW_AUDIT_LOG' },
  { name: 'GUILD_BAN_ADD', intent: 'GUILD_MODERATION', status: 'emulated' },
  { name: 'GUILD_BAN_REMOVE', intent: 'GUILD_MODERATION', status: 'emulated' },
  { name: 'GUILD_EMOJIS_UPDATE', intent: 'GUILD_EXPRESSIONS', status: 'not yet' },
  { name: 'GUILD_STICKERS_UPDATE', intent: 'GUILD_EXPRESSIONS', status: 'not yet' },
  { name: 'GUILD_INTEGRATIONS_UPDATE', intent: 'GUILD_INTEGRATIONS', status: 'not yet' },
  { name: 'WEBHOOKS_UPDATE', intent: 'GUILD_WEBHOOKS', status: 'not yet' },
  { name: 'INVITE_CREATE', intent: 'GUILD_INVITES', status: 'not yet' },
  { name: 'VOICE_STATE_UPDATE', intent: 'GUILD_VOICE_STATES', status: 'not yet' },
  { name: 'PRESENCE_UPDATE', intent: 'GUILD_PRESENCES', status: 'not yet' },
  { name: 'MESSAGE_CREATE', intent: 'GUILD_MESSAGES / DIRECT_MESSAGES', status: 'emulated', note: 'content blanked without MESSAGE_CONTENT' },
  { name: 'MESSAGE_UPDATE', intent: 'GUILD_MESSAGES / DIRECT_MESSAGES', status: 'emulated' },
  { name: 'MESSAGE_DELETE', intent: 'GUILD_MESSAGES / DIRECT_MESSAGES', status: 'emulated' },
  { name: 'MESSAGE_DELETE_BULK', intent: 'GUILD_MESSAGES', status: 'not yet' },
  { name: 'MESSAGE_REACTION_ADD', intent: 'GUILD_MESSAGE_REACTIONS / DIRECT_MESSAGE_REACTIONS', status: 'emulated' },
  { name: 'MESSAGE_REACTION_REMOVE', intent: 'GUILD_MESSAGE_REACTIONS / DIRECT_MESSAGE_REACTIONS', status: 'emulated' },
  { name: 'MESSAGE_REACTION_REMOVE_ALL', intent: 'GUILD_MESSAGE_REACTIONS / DIRECT_MESSAGE_REACTIONS', status: 'emulated' },
  { name: 'MESSAGE_REACTION_REMOVE_EMOJI', intent: 'GUILD_MESSAGE_REACTIONS / DIRECT_MESSAGE_REACTIONS', status: 'emulated' },
  { name: 'TYPING_START', intent: 'GUILD_MESSAGE_TYPING / DIRECT_MESSAGE_TYPING', status: 'emulated' },
  { name: 'MESSAGE_POLL_VOTE_ADD', intent: 'GUILD_MESSAGE_POLLS', status: 'not yet' },
  { name: 'GUILD_SCHEDULED_EVENT_CREATE', intent: 'GUILD_SCHEDULED_EVENTS', status: 'not yet' },
  { name: 'AUTO_MODERATION_ACTION_EXECUTION', intent: 'AUTO_MODERATION_EXECUTION', status: 'not yet' },
  { name: 'INTERACTION_CREATE', intent: 'none', status: 'emulated' },
  { name: 'APPLICATION_COMMAND_PERMISSIONS_UPDATE', intent: 'none', status: 'emulated' },
  { name: 'ENTITLEMENT_CREATE', intent: 'none', status: 'not yet' },
  { name: 'USER_UPDATE', intent: 'none', status: 'not yet' },
];
