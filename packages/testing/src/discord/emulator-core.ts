import type { AuditLog } from './driver/audit-log.js';
import type { BotMembership } from './driver/bot-membership.js';
import type { ChannelActions } from './driver/channel-actions.js';
import type { CommandPermissions } from './driver/command-permissions.js';
import type { CommandStore } from './driver/command-store.js';
import type { DmChannels } from './driver/dm-channels.js';
import type { GuildActions } from './driver/guild-actions.js';
import type { InteractionStore } from './driver/interaction-store.js';
import type { MemberActions } from './driver/member-actions.js';
import type { MessageActions } from './driver/message-actions.js';
import type { ReactionActions } from './driver/reaction-actions.js';
import type { RoleActions } from './driver/role-actions.js';
import type { ThreadActions } from './driver/thread-actions.js';
import type { EmulatorContext } from './emulator-context.js';
import type { GatewayServer } from './gateway/gateway-server.js';
import type { OAuthStore } from './oauth/oauth-store.js';
import type { ResponseScope } from './rest/response-scope.js';

/** The emulator's internal components, shared by REST routes and the public driver. */
export interface EmulatorCore {
  ctx: EmulatorContext;
  gateway: GatewayServer;
  guilds: GuildActions;
  roles: RoleActions;
  members: MemberActions;
  botMembership: BotMembership;
  messages: MessageActions;
  dms: DmChannels;
  reactions: ReactionActions;
  threads: ThreadActions;
  audit: AuditLog;
  channels: ChannelActions;
  interactions: InteractionStore;
  commands: CommandStore;
  commandPermissions: CommandPermissions;
  oauth: OAuthStore;
  /** Holds driver notifications until the REST response that caused them was written. */
  responses: ResponseScope;
}
