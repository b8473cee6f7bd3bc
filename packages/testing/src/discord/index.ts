export { createDiscordEmulator } from './create-discord-emulator.js';
export { redirectDiscordFetch } from './redirect-discord-fetch.js';
export type { DiscordEmulator, EmulatorClientOptions } from './discord-emulator.js';
export type { CommandPermission, GuildCommandPermissions } from './driver/command-permissions.js';
export { DiscordEmulatorError, type EmulatorErrorCode } from './discord-emulator-error.js';
export type {
  ApplicationOptions,
  CommandOptions,
  DiscordEmulatorOptions,
  GatewayOptions,
  InteractionOptions,
  OAuthOptions,
  PrivilegedIntent,
  RestOptions,
} from './options.js';
export type { DiscordEmulatorSeed } from './state/seed.js';
export type {
  BotJoinInput,
  ChannelInput,
  GuildInput,
  MemberInput,
  MemberUpdateInput,
  OverwriteInput,
  PermissionsInput,
  RoleInput,
  UserInput,
} from './driver/inputs.js';
export type { AutocompleteInput, ContextMenuInput, InteractionContextInput, ModalSubmitInput, SlashCommandInput } from './driver/interaction-driver.js';
export type { InteractionHandle } from './driver/interaction-handle.js';
export type { InteractionRecord, InteractionResponse } from './driver/interaction-record.js';
export type { SentMessage } from './driver/sent-message.js';
export type { UserMessageInput, UserThreadInput } from './driver/user-actions.js';
export type { GatewaySessionInfo } from './gateway/session-registry.js';
export type { IdentifyRecord } from './gateway/session-start-limiter.js';
export type { LoggedRequest } from './rest/http-handler.js';
export type { RoutePattern } from './rest/route-pattern.js';
export type { UnimplementedRequest } from './rest/unimplemented-routes.js';
export type { EmulatorState } from './state/emulator-state.js';
export type {
  AuditLogEntryRecord,
  ChannelRecord,
  CommandRecord,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  ReactionRecord,
  ThreadRecord,
  RoleRecord,
  UserRecord,
} from './state/records.js';
export { ALL_PERMISSIONS, Permission } from './permissions.js';
export { shardIdForGuild, SnowflakeGenerator } from './snowflake.js';
