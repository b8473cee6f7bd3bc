export { installGuildTracking, type GuildTracking, type GuildTrackingOptions } from './install-guild-tracking.js';
export { recordGuildJoin, type GuildJoinOutcome, type GuildTrackingServices } from './record-guild-join.js';
export { findBotAdder, type BotAdder } from './find-bot-adder.js';
export { findInitialUser, grantInitialUser } from './grant-initial-user.js';
export { planGuildReconcile, reconcileGuilds, type GuildReconcileInput, type GuildReconcilePlan } from './reconcile-guilds.js';
