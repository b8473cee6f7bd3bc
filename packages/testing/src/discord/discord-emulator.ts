import type { BotJoinInput, ChannelInput, GuildInput, MemberInput, MemberUpdateInput, PermissionsInput, RoleInput, UserInput } from './driver/inputs.js';
import type { AutocompleteInput, ContextMenuInput, ModalSubmitInput, SlashCommandInput } from './driver/interaction-driver.js';
import type { InteractionHandle } from './driver/interaction-handle.js';
import type { InteractionRecord } from './driver/interaction-record.js';
import type { SentMessage } from './driver/sent-message.js';
import type { UserMessageInput, UserThreadInput } from './driver/user-actions.js';
import type { GatewaySessionInfo } from './gateway/session-registry.js';
import type { IdentifyRecord } from './gateway/session-start-limiter.js';
import type { LoggedRequest } from './rest/http-handler.js';
import type { RoutePattern } from './rest/route-pattern.js';
import type { UnimplementedRequest } from './rest/unimplemented-routes.js';
import type { EmulatorState } from './state/emulator-state.js';
import type { GuildCommandPermissions } from './driver/command-permissions.js';
import type { ChannelRecord, CommandRecord, GuildRecord, MemberRecord, RoleRecord, UserRecord } from './state/records.js';

/** The discord.js `ClientOptions` fragment that points a client at the emulator. */
export interface EmulatorClientOptions {
  rest: { api: string };
  ws?: { buildIdentifyThrottler: () => Promise<{ waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> }> };
}

/** A running Discord emulator: REST v10, Gateway v10 and OAuth2 on one port, plus a driver for tests. */
export interface DiscordEmulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `http://127.0.0.1:PORT/api` (what discord.js' `rest.api` takes). */
  readonly restUrl: string;
  /** `ws://127.0.0.1:PORT/gateway` */
  readonly gatewayUrl: string;
  readonly botToken: string;
  /** Application id, also the bot user id. */
  readonly applicationId: string;
  readonly clientSecret: string;
  /**
   * Live state (Maps by id); read it, change it through the driver methods. Interactions reuse their member,
   * guild and permission parts until a driver method or REST request changes state, so a record changed by hand
   * may not show in the next interaction.
   */
  readonly state: EmulatorState;
  /** Every REST request received, oldest first (bounded by `rest.requestLogLimit`). */
  readonly requests: readonly LoggedRequest[];
  /**
   * REST requests no emulated route answers (each got Discord's 404 and one warning), one entry per method +
   * route. Assert it is empty to be sure a scenario only used emulated routes.
   * @example expect(emulator.unimplementedRequests).toEqual([])
   */
  readonly unimplementedRequests: readonly UnimplementedRequest[];

  /**
   * Options for `new Client({ intents, ...emulator.clientOptions() })`. Sets `rest.api`, and when the
   * emulator's identify window differs from Discord's 5 s, a matching identify throttler.
   *
   * @example
   * ```ts
   * const client = new Client({ intents: [GatewayIntentBits.Guilds], ...emulator.clientOptions() });
   * await client.login(emulator.botToken);
   * ```
   */
  clientOptions(): EmulatorClientOptions;

  // Users, guilds, roles, channels, members.
  /** @example emulator.addUser({ username: 'alice', globalName: 'Alice' }) */
  addUser(input: UserInput): UserRecord;
  /**
   * Creates a guild (owner, `@everyone`, roles, channels, members) and, unless `bot: false`, makes the bot
   * join it (BOT_ADD entry, GUILD_CREATE to the owning shard).
   * @example emulator.addGuild({ name: 'Demo', owner: 'owner', roles: [{ name: 'Mod', permissions: 32 }] })
   */
  addGuild(input: GuildInput): GuildRecord;
  /** Deletes a guild (GUILD_DELETE to the bot). @example emulator.removeGuild(guild.id) */
  removeGuild(guildId: string): void;
  /** @example emulator.addRole(guild.id, { name: 'Admin', permissions: 8 }) */
  addRole(guildId: string, input: RoleInput): RoleRecord;
  /** Changes a role's permissions (GUILD_ROLE_UPDATE). @example emulator.setRolePermissions(guild.id, botRoleId, 0) */
  setRolePermissions(guildId: string, roleIdOrName: string, permissions: PermissionsInput): RoleRecord;
  /** @example emulator.addChannel(guild.id, { name: 'logs' }) */
  addChannel(guildId: string, input: ChannelInput): ChannelRecord;
  /** Adds a member (GUILD_MEMBER_ADD with GUILD_MEMBERS). @example emulator.addMember(guild.id, { user: 'bob', roles: ['Mod'] }) */
  addMember(guildId: string, input: MemberInput): MemberRecord;
  /** Removes a member (GUILD_MEMBER_REMOVE). @example emulator.removeMember(guild.id, 'bob') */
  removeMember(guildId: string, userIdOrName: string): void;
  /** @example emulator.updateMember(guild.id, 'bob', { nick: 'Bobby' }) */
  updateMember(guildId: string, userIdOrName: string, update: MemberUpdateInput): MemberRecord;
  /** Replaces a member's roles (ids or names). @example emulator.setMemberRoles(guild.id, 'bob', ['Admin']) */
  setMemberRoles(guildId: string, userIdOrName: string, roles: string[]): MemberRecord;
  /** The bot's managed role in a guild, if the bot is in it. */
  botRole(guildId: string): RoleRecord | undefined;
  /**
   * The bot joins: managed role, member, BOT_ADD audit entry by `addedBy`, GUILD_CREATE to the owning shard.
   * @example emulator.makeBotJoin(guild.id, { addedBy: 'alice' })
   */
  makeBotJoin(guildId: string, input?: BotJoinInput): MemberRecord;
  /** The bot leaves (GUILD_DELETE). @example emulator.makeBotLeave(guild.id) */
  makeBotLeave(guildId: string): void;

  // Messages and interactions.
  /**
   * A member posts a message (MESSAGE_CREATE, content blanked for sessions without MESSAGE_CONTENT), in a
   * guild channel, a thread (joining it) or their DM; `replyTo` makes it a reply (type 19).
   * @example emulator.sendMessage({ channelId, userId: 'alice', content: 'hello', replyTo: botMessage.id })
   */
  sendMessage(input: UserMessageInput): SentMessage;
  /**
   * A user writes to the bot in their DM (MESSAGE_CREATE under DIRECT_MESSAGES on shard 0; discord.js needs
   * `partials: [Partials.Channel]` to see it, as with Discord).
   * @example emulator.sendDirectMessage({ userId: 'alice', content: 'help' })
   */
  sendDirectMessage(input: { userId: string; content: string; embeds?: unknown[] }): SentMessage;
  /** The bot's DM channel with a user, opened if needed. @example emulator.messages(emulator.dmChannel('alice').id) */
  dmChannel(userIdOrName: string): ChannelRecord;
  /**
   * A user reacts (MESSAGE_REACTION_ADD under GUILD_MESSAGE_REACTIONS or DIRECT_MESSAGE_REACTIONS, to the
   * guild's shard). `emoji` is unicode (`'👍'`) or custom (`'party:1234…'`).
   * @example emulator.react(message.id, 'alice', '👍')
   */
  react(messageId: string, userIdOrName: string, emoji: string): void;
  /** Removes a user's reaction (MESSAGE_REACTION_REMOVE). @example emulator.unreact(message.id, 'alice', '👍') */
  unreact(messageId: string, userIdOrName: string, emoji: string): void;
  /** TYPING_START (GUILD_MESSAGE_TYPING / DIRECT_MESSAGE_TYPING). @example emulator.startTyping(channelId, 'alice') */
  startTyping(channelId: string, userIdOrName: string): void;
  /**
   * A user starts a thread, from a message or standalone (THREAD_CREATE). Post in it with `sendMessage`.
   * @example const thread = emulator.startThread({ channelId, userId: 'alice', name: 'Plans', messageId });
   */
  startThread(input: UserThreadInput): ChannelRecord;
  /** A user joins a thread (THREAD_MEMBERS_UPDATE). @example emulator.joinThread(thread.id, 'bob') */
  joinThread(threadId: string, userIdOrName: string): void;
  /** A user leaves a thread. @example emulator.leaveThread(thread.id, 'bob') */
  leaveThread(threadId: string, userIdOrName: string): void;
  /** Archives (or with `false` reopens) a thread (THREAD_UPDATE). @example emulator.archiveThread(thread.id) */
  archiveThread(threadId: string, archived?: boolean): void;
  /** Messages of a channel, oldest first (ephemeral ones excluded). */
  messages(channelId: string): SentMessage[];
  /**
   * Sends a slash command as INTERACTION_CREATE; the handle resolves with the bot's answers.
   * @example
   * const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'config', subcommand: 'view', options: { module: 'welcome' } });
   * expect((await call.reply()).content).toContain('welcome');
   */
  invokeSlashCommand(input: SlashCommandInput): InteractionHandle;
  /** @example (await emulator.invokeAutocomplete({ ..., name: 'tag', options: { name: 'he' }, focused: 'name' }).choices()) */
  invokeAutocomplete(input: AutocompleteInput): InteractionHandle;
  /** @example emulator.invokeContextMenu({ guildId, channelId, userId: 'alice', name: 'Report', type: 'message', targetId }) */
  invokeContextMenu(input: ContextMenuInput): InteractionHandle;
  /** Clicks a button on a message. @example emulator.clickButton(message.id, 'confirm', 'alice') */
  clickButton(messageId: string, customId: string, userIdOrName: string): InteractionHandle;
  /** Picks values in a string select menu. @example emulator.selectMenu(message.id, 'color', 'alice', ['red']) */
  selectMenu(messageId: string, customId: string, userIdOrName: string, values: string[]): InteractionHandle;
  /** Submits a modal. @example emulator.submitModal({ guildId, channelId, userId: 'alice', customId: 'feedback', fields: { text: 'hi' } }) */
  submitModal(input: ModalSubmitInput): InteractionHandle;
  /** Every interaction created so far, by id. */
  interactions(): InteractionRecord[];
  /** Registered commands of a scope (`null` = global). */
  commands(guildId?: string | null): CommandRecord[];
  /** Command permission overwrites set in a guild (what `GET .../commands/permissions` answers). */
  commandPermissions(guildId: string): GuildCommandPermissions[];

  // Faults.
  /** Closes the shard's connections with a resumable code (default 4000; 1006 drops TCP). @example emulator.dropShard(0) */
  dropShard(shardId: number, code?: number): number;
  /** Sends RECONNECT (op 7). @example emulator.sendReconnect(1) */
  sendReconnect(shardId: number): number;
  /** Sends INVALID_SESSION (op 9). @example emulator.sendInvalidSession(0, false) */
  sendInvalidSession(shardId: number, resumable: boolean): number;
  /** The next `count` requests matching `pattern` get a 429. @example emulator.forceRateLimit('POST /channels/:id/messages', 1) */
  forceRateLimit(pattern: RoutePattern, count?: number, options?: { global?: boolean }): void;
  /** Delays requests matching `pattern`. @example emulator.addLatency('GET /guilds/:id', 200) */
  addLatency(pattern: RoutePattern, ms: number): void;

  // Inspection.
  /** Gateway sessions held (connected or resumable). */
  connectedShards(): GatewaySessionInfo[];
  /** Every IDENTIFY received, oldest first: shard, bucket (`shard_id % max_concurrency`), time and whether it started a session. */
  identifies(): IdentifyRecord[];
  /** Resolves once `count` sessions are connected. */
  waitForShards(count: number, timeoutMs?: number): Promise<void>;

  /** Stops the server, closing every connection. */
  close(): Promise<void>;
}
