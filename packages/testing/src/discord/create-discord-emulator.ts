import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DiscordEmulator, EmulatorClientOptions } from './discord-emulator.js';
import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from './discord-emulator-error.js';
import { AuditLog } from './driver/audit-log.js';
import { BotMembership } from './driver/bot-membership.js';
import { ChannelActions } from './driver/channel-actions.js';
import { CommandPermissions } from './driver/command-permissions.js';
import { CommandStore } from './driver/command-store.js';
import { DmChannels } from './driver/dm-channels.js';
import { GuildActions } from './driver/guild-actions.js';
import { InteractionDriver } from './driver/interaction-driver.js';
import { InteractionStore } from './driver/interaction-store.js';
import { MemberActions } from './driver/member-actions.js';
import { MessageActions } from './driver/message-actions.js';
import { ReactionActions } from './driver/reaction-actions.js';
import { RoleActions } from './driver/role-actions.js';
import { ThreadActions } from './driver/thread-actions.js';
import { toSentMessage } from './driver/sent-message.js';
import { UserActions } from './driver/user-actions.js';
import type { EmulatorContext } from './emulator-context.js';
import type { EmulatorCore } from './emulator-core.js';
import { GatewayServer } from './gateway/gateway-server.js';
import { createIdentifyThrottler } from './identify-throttler.js';
import { OAuthStore } from './oauth/oauth-store.js';
import { resolveOptions, type DiscordEmulatorOptions } from './options.js';
import { HttpHandler } from './rest/http-handler.js';
import { emulatedRoutes } from './rest/routes/emulated-routes.js';
import { ResponseScope } from './rest/response-scope.js';
import { SnowflakeGenerator } from './snowflake.js';
import { EmulatorState } from './state/emulator-state.js';
import type { DiscordEmulatorSeed } from './state/seed.js';
import { registerAuditSecret } from '../audit/audit-secrets.js';

/** Application flags: GATEWAY_PRESENCE_LIMITED, GATEWAY_GUILD_MEMBERS_LIMITED, GATEWAY_MESSAGE_CONTENT_LIMITED. */
const LIMITED_FLAGS = { GuildPresences: 1 << 13, GuildMembers: 1 << 15, MessageContent: 1 << 19 } as const;

/**
 * Starts a Discord emulator (REST v10 under `/api`, Gateway v10 at `/gateway`, OAuth2) on 127.0.0.1 that an
 * unmodified discord.js client connects to, with a driver to act as Discord users and inject faults.
 *
 * @param options - application, seed data and protocol knobs; every field has a default.
 * @example
 * ```ts
 * const emulator = await createDiscordEmulator({
 *   seed: { users: [{ username: 'owner' }], guilds: [{ name: 'Demo', owner: 'owner' }] },
 * });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], ...emulator.clientOptions() });
 * await client.login(emulator.botToken);
 * // …
 * await client.destroy();
 * await emulator.close();
 * ```
 */
export async function createDiscordEmulator(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
  const resolved = resolveOptions(options);
  const snowflakes = new SnowflakeGenerator();
  const app = options.application ?? {};
  const applicationId = app.id ?? snowflakes.next();
  const name = app.name ?? 'baseline-dev';
  let flags = 0;
  for (const intent of resolved.privilegedIntents) flags |= LIMITED_FLAGS[intent];
  const ctx: EmulatorContext = {
    state: new EmulatorState(applicationId),
    options: resolved,
    application: {
      id: applicationId,
      name,
      botToken: app.botToken ?? `${Buffer.from(applicationId).toString('base64url')}.emu.${randomBytes(18).toString('base64url')}`,
      clientSecret: app.clientSecret ?? randomBytes(16).toString('hex'),
      flags,
      ownerId: app.ownerId ?? null,
    },
    snowflakes,
    gatewayUrl: '',
    baseUrl: '',
  };
  const core = {} as EmulatorCore;
  Object.assign(core, {
    ctx,
    gateway: new GatewayServer(ctx),
    oauth: new OAuthStore(ctx),
    responses: new ResponseScope(),
  });
  core.guilds = new GuildActions(core);
  core.roles = new RoleActions(core);
  core.members = new MemberActions(core);
  core.botMembership = new BotMembership(core);
  core.messages = new MessageActions(core);
  core.dms = new DmChannels(core);
  core.reactions = new ReactionActions(core);
  core.threads = new ThreadActions(core);
  core.audit = new AuditLog(core);
  core.channels = new ChannelActions(core);
  core.interactions = new InteractionStore(core);
  core.commands = new CommandStore(core);
  core.commandPermissions = new CommandPermissions(core);
  const driver = new InteractionDriver(core);
  const users = new UserActions(core);

  ctx.state.users.set(applicationId, {
    id: applicationId,
    username: app.botUsername ?? name,
    globalName: null,
    discriminator: '0000',
    avatar: null,
    bot: true,
    email: null,
    verified: true,
    locale: 'en-US',
  });
  const seed: DiscordEmulatorSeed =
    typeof options.seed === 'string' ? (JSON.parse(readFileSync(options.seed, 'utf8')) as DiscordEmulatorSeed) : (options.seed ?? {});
  for (const user of seed.users ?? []) core.guilds.addUser(user);
  for (const guild of seed.guilds ?? []) core.guilds.addGuild(guild);

  const http = new HttpHandler(core, emulatedRoutes);

  // keepAliveTimeout 0: Node would otherwise arm and disarm an idle timer on the socket around every response
  // (two setTimeout calls per request, about 2% of its CPU in the interactions benchmark). Idle keep-alive connections
  // are closed by the clients (undici after 4 s) and by close().
  const server = createServer({ keepAliveTimeout: 0 }, (request, response) => void http.handle(request, response));
  server.on('upgrade', (request, socket, head) => core.gateway.handleUpgrade(request, socket, head));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `http://${host}:${port}`;
  ctx.gatewayUrl = `ws://${host}:${port}/gateway`;

  const { guilds, roles, members, botMembership } = core;
  /** Wraps a driver method that changes users, members, roles, guilds or channels: bumps the state version. */
  const changed = () => {
    ctx.state.changed();
    core.threads.syncAccess();
  };
  const changes =
    <A extends unknown[], R>(method: (...args: A) => R) =>
    (...args: A): R => {
      try {
        const result = method(...args);
        if (result instanceof Promise) result.then(changed, changed);
        return result;
      } finally {
        changed();
      }
    };
  registerAuditSecret('discord bot token', ctx.application.botToken);
  registerAuditSecret('discord client secret', ctx.application.clientSecret);
  const emulator: DiscordEmulator = {
    url: ctx.baseUrl,
    restUrl: `${ctx.baseUrl}/api`,
    gatewayUrl: ctx.gatewayUrl,
    botToken: ctx.application.botToken,
    applicationId,
    clientSecret: ctx.application.clientSecret,
    state: ctx.state,
    requests: http.requests,
    unimplementedRequests: http.unimplemented.list,
    clientOptions(): EmulatorClientOptions {
      const result: EmulatorClientOptions = { rest: { api: `${ctx.baseUrl}/api` } };
      const { identifyIntervalMs, maxConcurrency } = resolved.gateway;
      if (identifyIntervalMs !== 5000) {
        result.ws = { buildIdentifyThrottler: async () => createIdentifyThrottler(maxConcurrency, identifyIntervalMs) };
      }
      return result;
    },
    addUser: changes((input) => guilds.addUser(input)),
    addGuild: changes((input) => guilds.addGuild(input)),
    removeGuild: changes((guildId) => guilds.removeGuild(guildId)),
    addRole: changes((guildId, input) => roles.addRole(guildId, input)),
    setRolePermissions: changes((guildId, role, permissions) => roles.setRolePermissions(guildId, role, permissions)),
    addChannel: changes((guildId, input) => guilds.addChannel(guildId, input)),
    addMember: changes((guildId, input) => members.addMember(guildId, input)),
    removeMember: changes((guildId, user) => members.removeMember(guildId, user)),
    updateMember: changes((guildId, user, update) => members.updateMember(guildId, user, update)),
    setMemberRoles: changes((guildId, user, roles) => members.updateMember(guildId, user, { roles })),
    botRole: (guildId) => [...guilds.guild(guildId).roles.values()].find((role) => role.botId === applicationId),
    makeBotJoin: changes((guildId, input) => botMembership.botJoin(guildId, input)),
    makeBotLeave: changes((guildId) => botMembership.botLeave(guildId)),
    sendMessage: (input) => users.sendMessage(input),
    sendDirectMessage: (input) => users.sendDirectMessage(input),
    dmChannel: (user) => users.dmChannel(user),
    react: (messageId, user, emoji) => users.react(messageId, user, emoji),
    unreact: (messageId, user, emoji) => users.unreact(messageId, user, emoji),
    startTyping: (channelId, user) => users.startTyping(channelId, user),
    startThread: changes((input) => users.startThread(input)),
    joinThread: changes((threadId, user) => users.joinThread(threadId, user)),
    leaveThread: changes((threadId, user) => users.leaveThread(threadId, user)),
    archiveThread: changes((threadId, archived) => users.archiveThread(threadId, archived)),
    messages: (channelId) => [...(ctx.state.channelMessages.get(channelId)?.values() ?? [])].map(toSentMessage),
    invokeSlashCommand: (input) => driver.slashCommand(input),
    invokeAutocomplete: (input) => driver.slashCommand(input, input.focused),
    invokeContextMenu: (input) => driver.contextMenu(input),
    clickButton: (messageId, customId, user) => driver.component(messageId, customId, user),
    selectMenu: (messageId, customId, user, values) => driver.component(messageId, customId, user, values),
    submitModal: (input) => driver.modalSubmit(input),
    interactions: () => [...core.interactions.byId.values()],
    commands: (guildId = null) => core.commands.list(guildId),
    commandPermissions: (guildId) => core.commandPermissions.list(guildId),
    dropShard: (shardId, code) => core.gateway.dropShard(shardId, code),
    sendReconnect: (shardId) => core.gateway.sendReconnect(shardId),
    sendInvalidSession: (shardId, resumable) => core.gateway.sendInvalidSession(shardId, resumable),
    forceRateLimit: (pattern, count = 1, extra = {}) => http.rateLimiter.force(pattern, count, extra.global ?? false),
    addLatency: (pattern, ms) => http.addLatency(pattern, ms),
    connectedShards: () => core.gateway.sessions(),
    identifies: () => core.gateway.identifies(),
    waitForShards: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (core.gateway.sessions().filter((session) => session.connected).length < count) {
        if (Date.now() > deadline) {
          throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.timeout, `fewer than ${count} shards connected after ${timeoutMs} ms`, {
            details: { count, timeoutMs },
          });
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: async () => {
      core.gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return emulator;
}
