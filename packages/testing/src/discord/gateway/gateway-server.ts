import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EmulatorContext } from '../emulator-context.js';
import { shardIdForGuild } from '../snowflake.js';
import { guildCreatePayload, userPayload } from '../state/payloads.js';
import { FrameCoalescer } from './frame-coalescer.js';
import { GatewayConnection } from './gateway-connection.js';
import { GatewaySession } from './gateway-session.js';
import { PRIVILEGED_INTENTS, VALID_INTENTS } from './intents.js';
import { handleRequestGuildMembers } from './request-guild-members.js';

/** A gateway session as `connectedShards()` reports it. */
export interface GatewaySessionInfo {
  sessionId: string;
  shardId: number;
  shardCount: number;
  intents: number;
  connected: boolean;
  seq: number;
}

/** Serialised `d` of a dispatch, or one per session when the payload depends on the session's intents. */
export type DispatchData = string | ((session: GatewaySession) => string | null);

/**
 * The Gateway v10 endpoint: HELLO, IDENTIFY (token, shard, intents, session start limit, identify buckets),
 * READY + GUILD_CREATE per shard, heartbeats, RESUME with replay, and routing of dispatches to the sessions
 * owning a guild (`(guild_id >> 22) % shard_count`).
 */
export class GatewayServer {
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  /** Batches frames per event-loop turn; the HTTP side flushes it before answering (see FrameCoalescer). */
  readonly frames = new FrameCoalescer();
  /** Live and resumable sessions by id. */
  readonly #sessions = new Map<string, GatewaySession>();
  /** Sessions indexed by shard count, then shard id. */
  readonly #routes = new Map<number, Map<number, Set<GatewaySession>>>();
  readonly #connections = new Set<GatewayConnection>();
  /** Last IDENTIFY time per `shard_id % max_concurrency` bucket. */
  readonly #identifyBuckets = new Map<number, number>();
  #identifiesLeft: number;
  #identifyResetAt: number;
  /** Last request-all-members per guild, for the 30 s rule. */
  readonly memberRequests = new Map<string, number>();
  #expiryTimer: NodeJS.Timeout;

  constructor(private readonly ctx: EmulatorContext) {
    this.#identifiesLeft = ctx.options.gateway.sessionStartLimit;
    this.#identifyResetAt = Date.now() + ctx.options.gateway.sessionStartResetMs;
    this.#expiryTimer = setInterval(() => this.#expireSessions(), Math.min(ctx.options.gateway.resumeWindowMs, 10_000));
    this.#expiryTimer.unref();
  }

  /** `session_start_limit` as `GET /gateway/bot` reports it. */
  sessionStartLimit(): { total: number; remaining: number; reset_after: number; max_concurrency: number } {
    this.#refreshIdentifyBudget();
    const gateway = this.ctx.options.gateway;
    return {
      total: gateway.sessionStartLimit,
      remaining: this.#identifiesLeft,
      reset_after: Math.max(0, this.#identifyResetAt - Date.now()),
      max_concurrency: gateway.maxConcurrency,
    };
  }

  /** Takes over an HTTP upgrade request. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, socket, request));
  }

  #accept(ws: WebSocket, socket: Duplex, request: IncomingMessage): void {
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    const gateway = this.ctx.options.gateway;
    const connection = new GatewayConnection(ws, socket, this.frames, query.get('compress') === 'zlib-stream', gateway.heartbeatTimeoutMs);
    this.#connections.add(connection);
    ws.on('close', (code) => this.#onClose(connection, code));
    ws.on('error', () => connection.terminate());
    const version = query.get('v');
    if (version !== null && version !== '10') {
      connection.close(4012, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      connection.close(4002, 'Only JSON encoding is emulated');
      return;
    }
    ws.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    connection.send(`{"op":10,"d":{"heartbeat_interval":${gateway.heartbeatIntervalMs}},"s":null,"t":null}`);
  }

  #onMessage(connection: GatewayConnection, data: RawData, isBinary: boolean): void {
    if (connection.closed) return;
    const raw = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (raw.length > 4096 || isBinary) return connection.close(4002, 'Decode error');
    if (!connection.countInbound()) return connection.close(4008, 'Rate limited');
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(raw.toString('utf8')) as { op?: unknown; d?: unknown };
    } catch {
      return connection.close(4002, 'Decode error');
    }
    switch (payload.op) {
      case 1: {
        connection.heartbeatReceived();
        if (typeof payload.d === 'number') connection.session?.acknowledge(payload.d);
        connection.send('{"op":11,"d":null,"s":null,"t":null}');
        return;
      }
      case 2:
        return this.#identify(connection, payload.d as IdentifyData);
      case 6:
        return this.#resume(connection, payload.d as ResumeData);
      case 3:
      case 4:
      case 31:
      case 43:
        if (!connection.session) return connection.close(4003, 'Not authenticated');
        return;
      case 8:
        if (!connection.session) return connection.close(4003, 'Not authenticated');
        return handleRequestGuildMembers(this.ctx, this, connection.session, payload.d);
      default:
        return connection.close(4001, 'Unknown opcode');
    }
  }

  #identify(connection: GatewayConnection, d: IdentifyData): void {
    if (connection.session) return connection.close(4005, 'Already authenticated');
    if (!d || typeof d !== 'object' || d.token !== this.ctx.application.botToken) {
      return connection.close(4004, 'Authentication failed');
    }
    const [shardId, shardCount] = Array.isArray(d.shard) ? d.shard : [0, 1];
    if (
      !Number.isInteger(shardId) ||
      !Number.isInteger(shardCount) ||
      shardCount < 1 ||
      shardId < 0 ||
      shardId >= shardCount
    ) {
      return connection.close(4010, 'Invalid shard');
    }
    const intents = typeof d.intents === 'number' ? d.intents : -1;
    if (intents < 0 || (intents & ~VALID_INTENTS) !== 0) return connection.close(4013, 'Invalid intent(s)');
    for (const [name, bit] of Object.entries(PRIVILEGED_INTENTS)) {
      if ((intents & bit) !== 0 && !this.ctx.options.privilegedIntents.has(name as keyof typeof PRIVILEGED_INTENTS)) {
        return connection.close(4014, 'Disallowed intent(s)');
      }
    }
    const guildIds = this.#guildsOfShard(shardId, shardCount);
    if (guildIds.length > 2500) return connection.close(4011, 'Sharding required');
    this.#refreshIdentifyBudget();
    if (this.#identifiesLeft <= 0) return connection.close(4004, 'Session start limit exhausted: the token was reset');
    const gateway = this.ctx.options.gateway;
    if (gateway.identifyIntervalMs > 0) {
      const bucket = shardId % gateway.maxConcurrency;
      const last = this.#identifyBuckets.get(bucket);
      const now = Date.now();
      if (last !== undefined && now - last < gateway.identifyIntervalMs) {
        connection.send('{"op":9,"d":false,"s":null,"t":null}');
        return;
      }
      this.#identifyBuckets.set(bucket, now);
    }
    this.#identifiesLeft--;
    connection.identifyCompress = d.compress === true;
    const largeThreshold = typeof d.large_threshold === 'number' ? d.large_threshold : 50;
    const session = new GatewaySession(
      randomBytes(16).toString('hex'),
      shardId,
      shardCount,
      intents,
      largeThreshold,
      Date.now(),
      gateway.replayBufferSize,
    );
    this.#addSession(session);
    this.#attach(session, connection);
    const { state, application } = this.ctx;
    const bot = state.users.get(application.id);
    const ready = {
      v: 10,
      user: bot ? { ...userPayload(bot), verified: true } : { id: application.id },
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.ctx.gatewayUrl,
      shard: [shardId, shardCount],
      application: { id: application.id, flags: application.flags },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      user_settings: {},
      _trace: ['["baseline-emulator",{"micros":0}]'],
    };
    session.dispatch('READY', JSON.stringify(ready));
    const view = { intents, largeThreshold, memberMode: gateway.guildCreateMembers };
    for (const guildId of guildIds) {
      const guild = state.guilds.get(guildId);
      if (guild) session.dispatch('GUILD_CREATE', JSON.stringify(guildCreatePayload(state, guild, view)));
    }
  }

  #resume(connection: GatewayConnection, d: ResumeData): void {
    if (!d || typeof d !== 'object' || d.token !== this.ctx.application.botToken) {
      return connection.close(4004, 'Authentication failed');
    }
    const session = typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    const frames = session && typeof d.seq === 'number' ? session.framesAfter(d.seq) : null;
    if (!session || !frames) {
      if (session) this.#removeSession(session);
      connection.send('{"op":9,"d":false,"s":null,"t":null}');
      return;
    }
    if (session.connection && session.connection !== connection) session.connection.close(4000, 'Session resumed elsewhere');
    this.#attach(session, connection);
    for (const frame of frames) connection.send(frame);
    session.dispatch('RESUMED', 'null');
  }

  #attach(session: GatewaySession, connection: GatewayConnection): void {
    connection.session = session;
    session.connection = connection;
    session.disconnectedAt = null;
  }

  #onClose(connection: GatewayConnection, code: number): void {
    connection.dispose();
    this.#connections.delete(connection);
    const session = connection.session;
    if (!session || session.connection !== connection) return;
    session.connection = null;
    session.disconnectedAt = Date.now();
    // A client closing with 1000/1001 ends its session; anything else leaves it resumable for a while.
    if (code === 1000 || code === 1001) this.#removeSession(session);
  }

  #guildsOfShard(shardId: number, shardCount: number): string[] {
    const ids: string[] = [];
    for (const guildId of this.ctx.state.botGuildIds) if (shardIdForGuild(guildId, shardCount) === shardId) ids.push(guildId);
    return ids;
  }

  #refreshIdentifyBudget(): void {
    if (Date.now() < this.#identifyResetAt) return;
    this.#identifiesLeft = this.ctx.options.gateway.sessionStartLimit;
    this.#identifyResetAt = Date.now() + this.ctx.options.gateway.sessionStartResetMs;
  }

  #addSession(session: GatewaySession): void {
    this.#sessions.set(session.id, session);
    let byShard = this.#routes.get(session.shardCount);
    if (!byShard) {
      byShard = new Map();
      this.#routes.set(session.shardCount, byShard);
    }
    let set = byShard.get(session.shardId);
    if (!set) {
      set = new Set();
      byShard.set(session.shardId, set);
    }
    set.add(session);
  }

  #removeSession(session: GatewaySession): void {
    this.#sessions.delete(session.id);
    const byShard = this.#routes.get(session.shardCount);
    const set = byShard?.get(session.shardId);
    set?.delete(session);
    if (set && set.size === 0) byShard!.delete(session.shardId);
    if (byShard && byShard.size === 0) this.#routes.delete(session.shardCount);
  }

  #expireSessions(): void {
    const deadline = Date.now() - this.ctx.options.gateway.resumeWindowMs;
    for (const session of this.#sessions.values()) {
      if (session.disconnectedAt !== null && session.disconnectedAt < deadline) this.#removeSession(session);
    }
  }

  /**
   * Sends a dispatch to every session that owns `guildId` (shard 0 when null) and, when `intent` is given,
   * subscribed to it. `d` may depend on the session (return null to skip it).
   */
  dispatch(guildId: string | null, type: string, d: DispatchData, intent = 0): number {
    let sent = 0;
    for (const [shardCount, byShard] of this.#routes) {
      const shardId = guildId === null ? 0 : shardIdForGuild(guildId, shardCount);
      const sessions = byShard.get(shardId);
      if (!sessions) continue;
      for (const session of sessions) {
        if (intent !== 0 && (session.intents & intent) === 0) continue;
        const data = typeof d === 'string' ? d : d(session);
        if (data === null) continue;
        session.dispatch(type, data);
        sent++;
      }
    }
    return sent;
  }

  /** True when {@link dispatch} with these arguments would reach at least one session. */
  hasRecipients(guildId: string | null, intent = 0): boolean {
    for (const [shardCount, byShard] of this.#routes) {
      const sessions = byShard.get(guildId === null ? 0 : shardIdForGuild(guildId, shardCount));
      if (!sessions) continue;
      for (const session of sessions) if (intent === 0 || (session.intents & intent) !== 0) return true;
    }
    return false;
  }

  /** GUILD_CREATE for one guild to its shard (used when the bot joins or the guild becomes available). */
  dispatchGuildCreate(guildId: string): void {
    const { state } = this.ctx;
    const guild = state.guilds.get(guildId);
    if (!guild) return;
    const memberMode = this.ctx.options.gateway.guildCreateMembers;
    this.dispatch(guildId, 'GUILD_CREATE', (session) =>
      JSON.stringify(guildCreatePayload(state, guild, { intents: session.intents, largeThreshold: session.largeThreshold, memberMode })),
    );
  }

  /** Sessions currently held (connected or resumable). */
  sessions(): GatewaySessionInfo[] {
    return [...this.#sessions.values()].map((session) => ({
      sessionId: session.id,
      shardId: session.shardId,
      shardCount: session.shardCount,
      intents: session.intents,
      connected: session.connection !== null,
      seq: session.seq,
    }));
  }

  #sessionsOfShard(shardId: number): GatewaySession[] {
    return [...this.#sessions.values()].filter((session) => session.shardId === shardId);
  }

  /** Closes the connections of shard `shardId` with a resumable code (default 4000); sessions stay resumable. */
  dropShard(shardId: number, code = 4000): number {
    let dropped = 0;
    for (const session of this.#sessionsOfShard(shardId)) {
      const connection = session.connection;
      if (!connection) continue;
      session.connection = null;
      session.disconnectedAt = Date.now();
      if (code === 1006) connection.terminate();
      else connection.close(code, 'Dropped by the emulator');
      dropped++;
    }
    return dropped;
  }

  /** Sends RECONNECT (op 7) to shard `shardId`; the client resumes on a new connection. */
  sendReconnect(shardId: number): number {
    const sessions = this.#sessionsOfShard(shardId).filter((session) => session.connection);
    for (const session of sessions) {
      const connection = session.connection!;
      connection.send('{"op":7,"d":null,"s":null,"t":null}');
      setTimeout(() => connection.close(4000, 'Reconnect requested'), 5000).unref();
    }
    return sessions.length;
  }

  /** Sends INVALID_SESSION (op 9) to shard `shardId`; a non-resumable one also forgets the session. */
  sendInvalidSession(shardId: number, resumable: boolean): number {
    const sessions = this.#sessionsOfShard(shardId).filter((session) => session.connection);
    for (const session of sessions) {
      session.connection!.send(`{"op":9,"d":${resumable},"s":null,"t":null}`);
      if (!resumable) {
        this.#removeSession(session);
        session.connection!.session = null;
      }
    }
    return sessions.length;
  }

  /** Closes every connection (code 1001) and forgets every session. */
  close(): void {
    clearInterval(this.#expiryTimer);
    for (const connection of this.#connections) connection.close(1001, 'Emulator closing');
    this.#connections.clear();
    this.#sessions.clear();
    this.#routes.clear();
    this.#wss.close();
  }
}

interface IdentifyData {
  token?: unknown;
  intents?: unknown;
  shard?: [number, number];
  compress?: unknown;
  large_threshold?: unknown;
}

interface ResumeData {
  token?: unknown;
  session_id?: unknown;
  seq?: unknown;
}

