import { shardIdForGuild } from '../snowflake.js';
import type { GatewayConnection } from './gateway-connection.js';
import type { GatewaySession } from './gateway-session.js';

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
 * The gateway's live and resumable sessions, indexed by id and by `(shard_count, shard_id)` so a dispatch
 * reaches the sessions owning a guild (`(guild_id >> 22) % shard_count`) without scanning all of them.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, GatewaySession>();
  /** Sessions indexed by shard count, then shard id. */
  readonly #routes = new Map<number, Map<number, Set<GatewaySession>>>();

  get(sessionId: string): GatewaySession | undefined {
    return this.#sessions.get(sessionId);
  }

  add(session: GatewaySession): void {
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

  remove(session: GatewaySession): void {
    this.#sessions.delete(session.id);
    const byShard = this.#routes.get(session.shardCount);
    const set = byShard?.get(session.shardId);
    set?.delete(session);
    if (set && set.size === 0) byShard!.delete(session.shardId);
    if (byShard && byShard.size === 0) this.#routes.delete(session.shardCount);
  }

  /** Binds a session to the connection that identified or resumed it. */
  attach(session: GatewaySession, connection: GatewayConnection): void {
    connection.session = session;
    session.connection = connection;
    session.disconnectedAt = null;
  }

  /** Forgets sessions disconnected before `deadline` (their resume window is over). */
  expire(deadline: number): void {
    for (const session of this.#sessions.values()) {
      if (session.disconnectedAt !== null && session.disconnectedAt < deadline) this.remove(session);
    }
  }

  /** Sessions of shard `shardId`, whatever their shard count. */
  ofShard(shardId: number): GatewaySession[] {
    return [...this.#sessions.values()].filter((session) => session.shardId === shardId);
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

  /** Every session held (connected or resumable). */
  infos(): GatewaySessionInfo[] {
    return [...this.#sessions.values()].map((session) => ({
      sessionId: session.id,
      shardId: session.shardId,
      shardCount: session.shardCount,
      intents: session.intents,
      connected: session.connection !== null,
      seq: session.seq,
    }));
  }

  clear(): void {
    this.#sessions.clear();
    this.#routes.clear();
  }
}
