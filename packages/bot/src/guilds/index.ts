export { installGuildTracking, type GuildTracking, type GuildTrackingOptions } from './install-guild-tracking.js';
export { recordGuildJoin, type GuildJoinOptions, type GuildJoinOutcome, type GuildTrackingServices } from './record-guild-join.js';
export { findBotAdder, type BotAdder } from './find-bot-adder.js';
export { planGuildReconcile, reconcileGuilds, type GuildReconcileInput, type GuildReconcilePlan } from './reconcile-guilds.js';
export { recordMemberLeave, type MemberLeave, type MemberLeaveOutcome } from './record-member-leave.js';
export { transferInitialUser, type InitialUserTransfer } from './transfer-initial-user.js';
export { announceAccessChange } from './announce-access-change.js';
