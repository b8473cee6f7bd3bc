import type { EmulatorContext } from '../emulator-context.js';
import { memberPayload } from '../state/payloads.js';
import type { MemberRecord } from '../state/records.js';
import type { GatewayServer } from './gateway-server.js';
import type { GatewaySession } from './gateway-session.js';
import { Intent } from './intents.js';

interface RequestGuildMembersData {
  guild_id?: unknown;
  query?: unknown;
  limit?: unknown;
  user_ids?: unknown;
  presences?: unknown;
  nonce?: unknown;
}

const CHUNK_SIZE = 1000;

/**
 * Op 8: answers with GUILD_MEMBERS_CHUNK dispatches (≤ 1000 members each) on the requesting session.
 * A request for all members needs GUILD_MEMBERS and is limited to one per guild per
 * `memberRequestIntervalMs` (RATE_LIMITED dispatch otherwise). Design choice: without GUILD_MEMBERS a
 * request-all gets one empty chunk, so the caller's promise settles instead of timing out.
 */
export function handleRequestGuildMembers(ctx: EmulatorContext, gateway: GatewayServer, session: GatewaySession, raw: unknown): void {
  const d = (raw ?? {}) as RequestGuildMembersData;
  const guildId = typeof d.guild_id === 'string' ? d.guild_id : null;
  const guild = guildId ? ctx.state.guilds.get(guildId) : undefined;
  if (!guild || !guildId || !ctx.state.botIsIn(guildId)) return;
  const nonce = typeof d.nonce === 'string' && Buffer.byteLength(d.nonce) <= 32 ? d.nonce : undefined;
  const limit = typeof d.limit === 'number' ? d.limit : 0;
  let members: MemberRecord[];
  const notFound: string[] = [];
  if (Array.isArray(d.user_ids) || typeof d.user_ids === 'string') {
    const ids = (Array.isArray(d.user_ids) ? d.user_ids : [d.user_ids]).slice(0, 100) as string[];
    members = [];
    for (const id of ids) {
      const member = guild.members.get(id);
      if (member) members.push(member);
      else notFound.push(id);
    }
  } else {
    const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    if (query === '') {
      if ((session.intents & Intent.GuildMembers) === 0) {
        members = [];
      } else {
        const interval = ctx.options.gateway.memberRequestIntervalMs;
        const last = gateway.memberRequests.get(guildId);
        const now = Date.now();
        if (interval > 0 && last !== undefined && now - last < interval) {
          const retryAfter = (interval - (now - last)) / 1000;
          session.dispatch('RATE_LIMITED', JSON.stringify({ opcode: 8, retry_after: retryAfter, meta: { guild_id: guildId, nonce } }));
          return;
        }
        gateway.memberRequests.set(guildId, now);
        members = [...guild.members.values()];
        if (limit > 0) members = members.slice(0, limit);
      }
    } else {
      const max = Math.min(limit > 0 ? limit : 100, 100);
      members = [];
      for (const member of guild.members.values()) {
        if (members.length >= max) break;
        const user = ctx.state.users.get(member.userId);
        if (user?.username.toLowerCase().startsWith(query) || member.nick?.toLowerCase().startsWith(query)) members.push(member);
      }
    }
  }
  const chunkCount = Math.max(1, Math.ceil(members.length / CHUNK_SIZE));
  for (let index = 0; index < chunkCount; index++) {
    const chunk = members.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE);
    const payload: Record<string, unknown> = {
      guild_id: guildId,
      members: chunk.map((member) => memberPayload(ctx.state, member)),
      chunk_index: index,
      chunk_count: chunkCount,
      not_found: index === 0 ? notFound : [],
    };
    if (d.presences === true) payload['presences'] = [];
    if (nonce !== undefined) payload['nonce'] = nonce;
    session.dispatch('GUILD_MEMBERS_CHUNK', JSON.stringify(payload));
  }
}
