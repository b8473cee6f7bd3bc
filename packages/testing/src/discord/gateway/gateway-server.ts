import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EmulatorContext } from '../emulator-context.js';
import { guildCreatePayload } from '../state/payloads.js';
import { FrameCoalescer } from './frame-coalescer.js';
import { GatewayConnection } from './gateway-connection.js';
import { handleIdentify, type IdentifyData } from './identify.js';
import { handleRequestGuildMembers } from './request-guild-members.js';
import { handleResume, type ResumeData } from './resume.js';
import { SessionRegistry, type DispatchData, type GatewaySessionInfo } from './session-registry.js';
import { SessionStartLimiter, type IdentifyRecord, type SessionStartLimit } from './session-start-limiter.js';

/**
 * The Gateway v10 endpoint: HELLO, opcode routing, heartbeats, session expiry and the driver's fault
 * injection. IDENTIFY, RESUME and REQUEST_GUILD_MEMBERS live in their own modules; dispatches fan out
 * through the {@link SessionRegistry}.
 */
export class GatewayServer {
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  /** Batches frames per event-loop turn; the HTTP side flushes it before answering (see FrameCoalescer). */
  readonly frames = new FrameCoalescer();
  /** Live and resumable sessions. */
  readonly #sessions = new SessionRegistry();
  readonly #connections = new Set<GatewayConnection>();
  readonly #limiter: SessionStartLimiter;
  /** Last request-all-members per guild, for the 30 s rule. */
  readonly memberRequests = new Map<string, number>();
  #expiryTimer: NodeJS.Timeout;

  constructor(private readonly ctx: EmulatorContext) {
    this.#limiter = new SessionStartLimiter(ctx.options.gateway);
    this.#expiryTimer = setInterval(
      () => this.#sessions.expire(Date.now() - ctx.options.gateway.resumeWindowMs),
      Math.min(ctx.options.gateway.resumeWindowMs, 10_000),
    );
    this.#expiryTimer.unref();
  }

  /** `session_start_limit` as `GET /gateway/bot` reports it. */
  sessionStartLimit(): SessionStartLimit {
    return this.#limiter.snapshot();
  }

  /** Every IDENTIFY received, oldest first, with the limiter's answer. */
  identifies(): IdentifyRecord[] {
    return this.#limiter.identifies();
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
        return handleIdentify(this.ctx, this.#sessions, this.#limiter, connection, payload.d as IdentifyData);
      case 6:
        return handleResume(this.ctx, this.#sessions, connection, payload.d as ResumeData);
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

  #onClose(connection: GatewayConnection, code: number): void {
    connection.dispose();
    this.#connections.delete(connection);
    const session = connection.session;
    if (!session || session.connection !== connection) return;
    session.connection = null;
    session.disconnectedAt = Date.now();
    // A client closing with 1000/1001 ends its session; anything else leaves it resumable for a while.
    if (code === 1000 || code === 1001) this.#sessions.remove(session);
  }

  /**
   * Sends a dispatch to every session that owns `guildId` (shard 0 when null) and, when `intent` is given,
   * subscribed to it. `d` may depend on the session (return null to skip it).
   */
  dispatch(guildId: string | null, type: string, d: DispatchData, intent = 0): number {
    return this.#sessions.dispatch(guildId, type, d, intent);
  }

  /** True when {@link dispatch} with these arguments would reach at least one session. */
  hasRecipients(guildId: string | null, intent = 0): boolean {
    return this.#sessions.hasRecipients(guildId, intent);
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
    return this.#sessions.infos();
  }

  /** Closes the connections of shard `shardId` with a resumable code (default 4000); sessions stay resumable. */
  dropShard(shardId: number, code = 4000): number {
    let dropped = 0;
    for (const session of this.#sessions.ofShard(shardId)) {
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
    const sessions = this.#sessions.ofShard(shardId).filter((session) => session.connection);
    for (const session of sessions) {
      const connection = session.connection!;
      connection.send('{"op":7,"d":null,"s":null,"t":null}');
      setTimeout(() => connection.close(4000, 'Reconnect requested'), 5000).unref();
    }
    return sessions.length;
  }

  /** Sends INVALID_SESSION (op 9) to shard `shardId`; a non-resumable one also forgets the session. */
  sendInvalidSession(shardId: number, resumable: boolean): number {
    const sessions = this.#sessions.ofShard(shardId).filter((session) => session.connection);
    for (const session of sessions) {
      session.connection!.send(`{"op":9,"d":${resumable},"s":null,"t":null}`);
      if (!resumable) {
        this.#sessions.remove(session);
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
    this.#wss.close();
  }
}
