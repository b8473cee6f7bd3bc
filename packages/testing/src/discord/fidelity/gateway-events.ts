/** One gateway dispatch as the fidelity table lists it. */
export interface GatewayEventFidelity {
  name: string;
  /** The intent that subscribes to it ('none' = always sent). */
  intent: string;
  status: 'emulated' | 'partial' | 'not yet';
  note?: string;
}

type Status = GatewayEventFidelity['status'];

/** The rows of dispatches one intent subscribes to: each event's status, or its status and a note. */
function subscribedBy(intent: string, events: Record<string, Status | [Status, string]>): GatewayEventFidelity[] {
  return Object.entries(events).map(([name, row]) =>
    typeof row === 'string' ? { name, intent, status: row } : { name, intent, status: row[0], note: row[1] },
  );
}

/**
 * Gateway dispatches a discord.js 14 bot can receive. Rows marked emulated or partial must be dispatched
 * somewhere in the emulator's source and rows marked "not yet" must not be (the fidelity test checks both).
 */
export const gatewayEvents: readonly GatewayEventFidelity[] = [
  ...subscribedBy('none', { READY: 'emulated', RESUMED: 'emulated', RATE_LIMITED: ['emulated', 'request-all-members only'] }),
  ...subscribedBy('GUILDS', {
    GUILD_CREATE: 'emulated',
    GUILD_UPDATE: 'not yet',
    GUILD_DELETE: 'emulated',
    GUILD_ROLE_CREATE: 'emulated',
    GUILD_ROLE_UPDATE: 'emulated',
    GUILD_ROLE_DELETE: 'emulated',
    CHANNEL_CREATE: 'emulated',
    CHANNEL_UPDATE: 'emulated',
    CHANNEL_DELETE: 'emulated',
    CHANNEL_PINS_UPDATE: 'not yet',
    THREAD_CREATE: 'emulated',
    THREAD_UPDATE: 'emulated',
    THREAD_DELETE: 'emulated',
    THREAD_LIST_SYNC: ['emulated', 'when the bot gains view of a channel with active threads'],
    THREAD_MEMBER_UPDATE: ['emulated', 'when the bot joins or is added to a thread'],
  }),
  ...subscribedBy('GUILDS (+ GUILD_MEMBERS for others)', { THREAD_MEMBERS_UPDATE: 'emulated' }),
  ...subscribedBy('GUILD_MEMBERS', { GUILD_MEMBER_ADD: 'emulated' }),
  ...subscribedBy('GUILD_MEMBERS (the bot’s own: none)', { GUILD_MEMBER_UPDATE: 'emulated' }),
  ...subscribedBy('GUILD_MEMBERS', { GUILD_MEMBER_REMOVE: 'emulated' }),
  ...subscribedBy('none (op 8)', { GUILD_MEMBERS_CHUNK: 'emulated' }),
  ...subscribedBy('GUILD_MODERATION', {
    GUILD_AUDIT_LOG_ENTRY_CREATE: ['emulated', 'while the bot has VIEW_AUDIT_LOG'],
    GUILD_BAN_ADD: 'emulated',
    GUILD_BAN_REMOVE: 'emulated',
  }),
  ...subscribedBy('GUILD_EXPRESSIONS', { GUILD_EMOJIS_UPDATE: 'not yet', GUILD_STICKERS_UPDATE: 'not yet' }),
  ...subscribedBy('GUILD_INTEGRATIONS', { GUILD_INTEGRATIONS_UPDATE: 'not yet' }),
  ...subscribedBy('GUILD_WEBHOOKS', { WEBHOOKS_UPDATE: 'not yet' }),
  ...subscribedBy('GUILD_INVITES', { INVITE_CREATE: 'not yet' }),
  ...subscribedBy('GUILD_VOICE_STATES', { VOICE_STATE_UPDATE: 'not yet' }),
  ...subscribedBy('GUILD_PRESENCES', { PRESENCE_UPDATE: 'not yet' }),
  ...subscribedBy('GUILD_MESSAGES / DIRECT_MESSAGES', {
    MESSAGE_CREATE: ['emulated', 'content blanked without MESSAGE_CONTENT'],
    MESSAGE_UPDATE: 'emulated',
    MESSAGE_DELETE: 'emulated',
  }),
  ...subscribedBy('GUILD_MESSAGES', { MESSAGE_DELETE_BULK: 'not yet' }),
  ...subscribedBy('GUILD_MESSAGE_REACTIONS / DIRECT_MESSAGE_REACTIONS', {
    MESSAGE_REACTION_ADD: 'emulated',
    MESSAGE_REACTION_REMOVE: 'emulated',
    MESSAGE_REACTION_REMOVE_ALL: 'emulated',
    MESSAGE_REACTION_REMOVE_EMOJI: 'emulated',
  }),
  ...subscribedBy('GUILD_MESSAGE_TYPING / DIRECT_MESSAGE_TYPING', { TYPING_START: 'emulated' }),
  ...subscribedBy('GUILD_MESSAGE_POLLS', { MESSAGE_POLL_VOTE_ADD: 'not yet' }),
  ...subscribedBy('GUILD_SCHEDULED_EVENTS', { GUILD_SCHEDULED_EVENT_CREATE: 'not yet' }),
  ...subscribedBy('AUTO_MODERATION_EXECUTION', { AUTO_MODERATION_ACTION_EXECUTION: 'not yet' }),
  ...subscribedBy('none', {
    INTERACTION_CREATE: 'emulated',
    APPLICATION_COMMAND_PERMISSIONS_UPDATE: 'emulated',
    ENTITLEMENT_CREATE: 'not yet',
    USER_UPDATE: 'not yet',
  }),
];
