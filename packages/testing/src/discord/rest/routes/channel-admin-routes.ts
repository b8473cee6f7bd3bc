import { z } from 'zod';
import { AuditAction, auditChanges } from '../../driver/audit-log.js';
import type { ChannelEdit } from '../../driver/channel-actions.js';
import type { OverwriteInput } from '../../driver/inputs.js';
import type { ThreadEdit } from '../../driver/thread-actions.js';
import type { EmulatorCore } from '../../emulator-core.js';
import { Permission, type PermissionOverwrite } from '../../permissions.js';
import { channelPayload } from '../../state/payloads.js';
import type { ChannelRecord, GuildRecord } from '../../state/records.js';
import { Errors } from '../api-error.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { omittable, snowflakeBits } from './form-fields.js';
import { botChannel, botGuild, requireBotPermission } from './route-helpers.js';

/** Channel types a bot may create: text, voice, category, announcement, stage, forum, media. */
const CREATABLE_TYPES = [0, 2, 4, 5, 13, 15, 16] as const;

/** `permission_overwrites`: role (0) or member (1) overwrites, bit sets as decimal strings. */
const overwrites = z.array(
  z
    .object({ id: z.string(), type: z.literal([0, 1]), allow: omittable(snowflakeBits), deny: omittable(snowflakeBits) })
    .transform(({ id, type, allow, deny }): PermissionOverwrite => ({ id, type, allow: allow ?? 0n, deny: deny ?? 0n })),
);

const channelCreateBody = z.object({
  name: z.string().min(1).max(100),
  type: omittable(z.literal(CREATABLE_TYPES)),
  topic: omittable(z.string()),
  parent_id: omittable(z.string()),
  position: omittable(z.number()),
  permission_overwrites: omittable(overwrites),
});

/** A PATCH of a channel or a thread: `null` clears a topic or a parent; the thread fields apply to threads only. */
const channelEditBody = z.object({
  name: omittable(z.string().min(1).max(100)),
  topic: z.string().nullish(),
  nsfw: omittable(z.boolean()),
  position: omittable(z.number()),
  parent_id: z.string().nullish(),
  permission_overwrites: omittable(overwrites),
  archived: omittable(z.boolean()),
  locked: omittable(z.boolean()),
  auto_archive_duration: omittable(z.number()),
});

/** The audited fields of a channel (or of an edit to one). */
function auditedChannel(channel: ChannelEdit | ChannelRecord): Record<string, unknown> {
  return { name: channel.name, topic: channel.topic, nsfw: channel.nsfw, position: channel.position, parent_id: channel.parentId };
}

function editThread(core: EmulatorCore, guild: GuildRecord, thread: ChannelRecord, data: z.infer<typeof channelEditBody>): ChannelRecord {
  // The owner may rename and archive its thread; locking or touching others' needs MANAGE_THREADS.
  if (thread.thread!.ownerId !== core.ctx.state.botUserId || data.locked !== undefined) requireBotPermission(core, guild, Permission.ManageThreads, thread);
  const edit: ThreadEdit = { name: data.name, archived: data.archived, locked: data.locked, autoArchiveDuration: data.auto_archive_duration };
  return core.threads.edit(thread, edit);
}

/** Creating, editing and deleting guild channels (and threads through `/channels/{id}`), with audit entries. */
export const channelAdminRoutes: RouteDefinition[] = [
  defineRoute({
    method: 'POST',
    path: '/guilds/:guild_id/channels',
    auth: 'bot',
    partial: 'no slowmode, bitrate or user limit; no role-hierarchy check on overwrites',
    body: channelCreateBody,
    handle: ({ core, params, body: data, reason }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.ManageChannels);
      const parent = data.parent_id ?? null;
      if (parent !== null && guild.channels.get(parent)?.type !== 4) throw Errors.invalidForm('parent_id', 'CHANNEL_PARENT_INVALID_TYPE', 'Not a category');
      const channel = core.guilds.addChannel(guild.id, {
        name: data.name,
        type: data.type ?? 0,
        topic: data.topic ?? null,
        parent,
        ...(data.position === undefined ? {} : { position: data.position }),
        overwrites: (data.permission_overwrites ?? []).map((overwrite): OverwriteInput => ({
          id: overwrite.id,
          type: overwrite.type === 0 ? 'role' : 'member',
          allow: overwrite.allow,
          deny: overwrite.deny,
        })),
      });
      const changes = auditChanges({}, { name: channel.name, type: channel.type });
      core.audit.addByBot(guild, { actionType: AuditAction.ChannelCreate, targetId: channel.id, reason, changes });
      return { status: 201, body: channelPayload(channel) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/channels/:channel_id',
    auth: 'bot',
    partial: 'name, topic, nsfw, position, parent and overwrites (threads: name, archived, locked, auto-archive)',
    body: channelEditBody,
    handle: ({ core, params, body: data, reason }) => {
      const { channel, guild } = botChannel(core, params['channel_id']);
      if (!guild) throw Errors.missingPermissions();
      if (channel.thread) return { body: channelPayload(editThread(core, guild, channel, data)) };
      requireBotPermission(core, guild, Permission.ManageChannels, channel);
      const edit: ChannelEdit = { name: data.name, topic: data.topic, nsfw: data.nsfw, position: data.position, parentId: data.parent_id };
      if (data.permission_overwrites) {
        requireBotPermission(core, guild, Permission.ManageRoles, channel);
        edit.overwrites = data.permission_overwrites;
      }
      const changes = auditChanges(auditedChannel(channel), auditedChannel(edit));
      core.channels.edit(guild, channel, edit);
      core.audit.addByBot(guild, { actionType: AuditAction.ChannelUpdate, targetId: channel.id, reason, changes });
      return { body: channelPayload(channel) };
    },
  }),
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
      const changes = [
        { key: 'name', old_value: channel.name },
        { key: 'type', old_value: channel.type },
      ];
      core.audit.addByBot(guild, { actionType: AuditAction.ChannelDelete, targetId: channel.id, reason, changes });
      return { body: payload };
    },
  },
];
