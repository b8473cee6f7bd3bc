import { AuditAction, type AuditChange } from '../../driver/audit-log.js';
import type { ChannelEdit } from '../../driver/channel-actions.js';
import type { OverwriteInput } from '../../driver/inputs.js';
import type { ThreadEdit } from '../../driver/thread-actions.js';
import type { EmulatorCore } from '../../emulator-core.js';
import { Permission, type PermissionOverwrite } from '../../permissions.js';
import { channelPayload } from '../../state/payloads.js';
import type { ChannelRecord, GuildRecord } from '../../state/records.js';
import { Errors } from '../api-error.js';
import type { RouteDefinition } from '../route.js';
import { botChannel, botGuild, requireBotPermission } from './route-helpers.js';

type Body = Record<string, unknown>;

/** Channel types a bot may create: text, voice, category, announcement, stage, forum, media. */
const CREATABLE_TYPES = new Set([0, 2, 4, 5, 13, 15, 16]);

function overwrites(raw: unknown): PermissionOverwrite[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw Errors.invalidForm('permission_overwrites');
  return raw.map((item: { id?: unknown; type?: unknown; allow?: unknown; deny?: unknown }) => {
    if (typeof item.id !== 'string' || (item.type !== 0 && item.type !== 1)) throw Errors.invalidForm('permission_overwrites');
    return { id: item.id, type: item.type, allow: BigInt(String(item.allow ?? 0)), deny: BigInt(String(item.deny ?? 0)) };
  });
}

/** `changes` of CHANNEL_UPDATE for the keys an edit touched. */
function channelChanges(channel: ChannelRecord, edit: ChannelEdit): AuditChange[] {
  const pairs: [string, unknown, unknown][] = [
    ['name', channel.name, edit.name],
    ['topic', channel.topic, edit.topic],
    ['nsfw', channel.nsfw, edit.nsfw],
    ['position', channel.position, edit.position],
    ['parent_id', channel.parentId, edit.parentId],
  ];
  // Discord leaves out null sides of a change.
  return pairs
    .filter(([, before, after]) => after !== undefined && after !== before)
    .map(([key, before, after]) => ({ key, ...(before === null ? {} : { old_value: before }), ...(after === null ? {} : { new_value: after }) }));
}

function editThread(core: EmulatorCore, guild: GuildRecord, thread: ChannelRecord, data: Body): ChannelRecord {
  // The owner may rename and archive its thread; locking or touching others' needs MANAGE_THREADS.
  if (thread.thread!.ownerId !== core.ctx.state.botUserId || 'locked' in data) requireBotPermission(core, guild, Permission.ManageThreads, thread);
  const edit: ThreadEdit = {};
  if (typeof data['name'] === 'string') edit.name = data['name'];
  if (typeof data['archived'] === 'boolean') edit.archived = data['archived'];
  if (typeof data['locked'] === 'boolean') edit.locked = data['locked'];
  if (typeof data['auto_archive_duration'] === 'number') edit.autoArchiveDuration = data['auto_archive_duration'];
  return core.threads.edit(thread, edit);
}

/** Creating, editing and deleting guild channels (and threads through `/channels/{id}`), with audit entries. */
export const channelAdminRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/guilds/:guild_id/channels',
    auth: 'bot',
    partial: 'no slowmode, bitrate or user limit; no role-hierarchy check on overwrites',
    handle: ({ core, params, body, reason }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.ManageChannels);
      const data = (body ?? {}) as Body;
      const name = data['name'];
      if (typeof name !== 'string' || name.length < 1 || name.length > 100) throw Errors.invalidForm('name');
      const type = typeof data['type'] === 'number' ? data['type'] : 0;
      if (!CREATABLE_TYPES.has(type)) throw Errors.invalidForm('type', 'BASE_TYPE_CHOICES', 'Value must be a creatable channel type.');
      const parent = typeof data['parent_id'] === 'string' ? data['parent_id'] : null;
      if (parent !== null && guild.channels.get(parent)?.type !== 4) throw Errors.invalidForm('parent_id', 'CHANNEL_PARENT_INVALID_TYPE', 'Not a category');
      const rawOverwrites = overwrites(data['permission_overwrites']) ?? [];
      const channel = core.guilds.addChannel(guild.id, {
        name,
        type,
        topic: typeof data['topic'] === 'string' ? data['topic'] : null,
        parent,
        ...(typeof data['position'] === 'number' ? { position: data['position'] } : {}),
        overwrites: rawOverwrites.map((overwrite): OverwriteInput => ({
          id: overwrite.id,
          type: overwrite.type === 0 ? 'role' : 'member',
          allow: overwrite.allow,
          deny: overwrite.deny,
        })),
      });
      core.audit.add(guild, {
        actionType: AuditAction.ChannelCreate,
        userId: core.ctx.state.botUserId,
        targetId: channel.id,
        reason,
        changes: [
          { key: 'name', new_value: channel.name },
          { key: 'type', new_value: channel.type },
        ],
      });
      return { status: 201, body: channelPayload(channel) };
    },
  },
  {
    method: 'PATCH',
    path: '/channels/:channel_id',
    auth: 'bot',
    partial: 'name, topic, nsfw, position, parent and overwrites (threads: name, archived, locked, auto-archive)',
    handle: ({ core, params, body, reason }) => {
      const { channel, guild } = botChannel(core, params['channel_id']);
      if (!guild) throw Errors.missingPermissions();
      const data = (body ?? {}) as Body;
      if (channel.thread) return { body: channelPayload(editThread(core, guild, channel, data)) };
      requireBotPermission(core, guild, Permission.ManageChannels, channel);
      const edit: ChannelEdit = {};
      if (typeof data['name'] === 'string') edit.name = data['name'];
      if (typeof data['topic'] === 'string' || data['topic'] === null) edit.topic = data['topic'];
      if (typeof data['nsfw'] === 'boolean') edit.nsfw = data['nsfw'];
      if (typeof data['position'] === 'number') edit.position = data['position'];
      if (typeof data['parent_id'] === 'string' || data['parent_id'] === null) edit.parentId = data['parent_id'];
      const newOverwrites = overwrites(data['permission_overwrites']);
      if (newOverwrites) {
        requireBotPermission(core, guild, Permission.ManageRoles, channel);
        edit.overwrites = newOverwrites;
      }
      const changes = channelChanges(channel, edit);
      core.channels.edit(guild, channel, edit);
      core.audit.add(guild, { actionType: AuditAction.ChannelUpdate, userId: core.ctx.state.botUserId, targetId: channel.id, reason, changes });
      return { body: channelPayload(channel) };
    },
  },
  {
    method: 'DELETE',
    path: '/channels/:channel_id',
    auth: 'bot',
    handle: ({ core, params, reason }) => {
      const { channel, guild } = botChannel(core, params['channel_id']);
      // Deleting a DM channel closes it for the bot; the emulator keeps it (Discord reopens the same one).
      if (!guild) return { body: channelPayload(channel, core.ctx.state) };
      const payload = channelPayload(channel);
      if (channel.thread) {
        requireBotPermission(core, guild, Permission.ManageThreads, channel);
        core.threads.delete(channel);
        return { body: payload };
      }
      requireBotPermission(core, guild, Permission.ManageChannels, channel);
      core.channels.delete(guild, channel);
      core.audit.add(guild, {
        actionType: AuditAction.ChannelDelete,
        userId: core.ctx.state.botUserId,
        targetId: channel.id,
        reason,
        changes: [
          { key: 'name', old_value: channel.name },
          { key: 'type', old_value: channel.type },
        ],
      });
      return { body: payload };
    },
  },
];
