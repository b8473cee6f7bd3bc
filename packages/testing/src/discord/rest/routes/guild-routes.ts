import { auditEntryPayload } from '../../driver/audit-log.js';
import { Permission } from '../../permissions.js';
import { channelPayload, guildPayload, memberPayload, rolePayload, userPayload } from '../../state/payloads.js';
import type { MemberRecord } from '../../state/records.js';
import { Errors } from '../api-error.js';
import type { RouteDefinition } from '../route.js';
import { botGuild, intParam, requireBotPermission } from './route-helpers.js';

const byUserId = (a: MemberRecord, b: MemberRecord) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1);

/** Guilds, their channels, roles, members and audit log. */
export const guildRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/guilds/:guild_id',
    auth: 'bot',
    partial: 'no emojis, stickers or counts beyond members',
    handle: ({ core, params, query }) => {
      const guild = botGuild(core, params['guild_id']);
      const body = guildPayload(core.ctx.state, guild);
      if (query.get('with_counts') === 'true') body['approximate_presence_count'] = 0;
      return { body };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/channels',
    auth: 'bot',
    handle: ({ core, params }) => ({ body: [...botGuild(core, params['guild_id']).channels.values()].map((channel) => channelPayload(channel)) }),
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/roles',
    auth: 'bot',
    handle: ({ core, params }) => ({ body: [...botGuild(core, params['guild_id']).roles.values()].map(rolePayload) }),
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/members/search',
    auth: 'bot',
    handle: ({ core, params, query }) => {
      const guild = botGuild(core, params['guild_id']);
      const text = query.get('query');
      if (text === null) throw Errors.invalidForm('query');
      const prefix = text.toLowerCase();
      const limit = intParam(query, 'limit', 1, 1, 1000);
      const found: Record<string, unknown>[] = [];
      for (const member of guild.members.values()) {
        if (found.length >= limit) break;
        const user = core.ctx.state.users.get(member.userId);
        if (user?.username.toLowerCase().startsWith(prefix) || member.nick?.toLowerCase().startsWith(prefix)) {
          found.push(memberPayload(core.ctx.state, member));
        }
      }
      return { body: found };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/members',
    auth: 'bot',
    handle: ({ core, params, query }) => {
      const guild = botGuild(core, params['guild_id']);
      if (!core.ctx.options.privilegedIntents.has('GuildMembers')) throw Errors.missingAccess();
      const limit = intParam(query, 'limit', 1, 1, 1000);
      const after = BigInt(query.get('after') ?? '0');
      const page = [...guild.members.values()]
        .filter((member) => BigInt(member.userId) > after)
        .sort(byUserId)
        .slice(0, limit);
      return { body: page.map((member) => memberPayload(core.ctx.state, member)) };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/members/:user_id',
    auth: 'bot',
    handle: ({ core, params }) => {
      const guild = botGuild(core, params['guild_id']);
      const member = guild.members.get(params['user_id']!);
      if (!member) throw Errors.unknownMember();
      return { body: memberPayload(core.ctx.state, member) };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/audit-logs',
    auth: 'bot',
    handle: ({ core, params, query }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.ViewAuditLog);
      const limit = intParam(query, 'limit', 50, 1, 100);
      const actionType = query.get('action_type');
      const userId = query.get('user_id');
      const before = query.get('before');
      const after = query.get('after');
      let entries = guild.auditLog.filter(
        (entry) =>
          (actionType === null || entry.actionType === Number(actionType)) &&
          (userId === null || entry.userId === userId) &&
          (before === null || BigInt(entry.id) < BigInt(before)) &&
          (after === null || BigInt(entry.id) > BigInt(after)),
      );
      // Newest first, except when paging forward with `after`.
      entries = after === null ? entries.slice(-limit).reverse() : entries.slice(0, limit);
      const userIds = new Set<string>();
      for (const entry of entries) {
        if (entry.userId) userIds.add(entry.userId);
        if (entry.targetId && core.ctx.state.users.has(entry.targetId)) userIds.add(entry.targetId);
      }
      return {
        body: {
          audit_log_entries: entries.map(auditEntryPayload),
          users: [...userIds].map((id) => userPayload(core.ctx.state.users.get(id)!)),
          integrations: [],
          webhooks: [],
          guild_scheduled_events: [],
          threads: [],
          application_commands: [],
          auto_moderation_rules: [],
        },
      };
    },
  },
];
