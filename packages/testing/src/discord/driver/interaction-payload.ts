import type { EmulatorContext } from '../emulator-context.js';
import { ALL_PERMISSIONS } from '../permissions.js';
import { channelPayload, memberPayload, rolePayload, userPayload } from '../state/payloads.js';
import type { ChannelRecord, CommandRecord, GuildRecord } from '../state/records.js';
import type { InteractionContextCache } from './interaction-context-cache.js';

/** An option value given to a driver; its Discord type comes from the registered command when known. */
export type OptionValue = string | number | boolean;

type RawOption = { name: string; type: number; value?: OptionValue; options?: RawOption[]; focused?: boolean };
type OptionDefinition = { name?: unknown; type?: unknown; options?: unknown };

/** Who acts where in a new interaction, and what it carries. */
export interface InteractionInput {
  id: string;
  token: string;
  type: number;
  guild: GuildRecord | null;
  channel: ChannelRecord;
  userId: string;
  locale?: string;
  data: Record<string, unknown>;
  /** For components: the message the component sits on, serialised. */
  messageJson?: string;
}

/**
 * The INTERACTION_CREATE `d` as JSON. Written as a string from serialised parts: for guild interactions the
 * guild, member, permissions and channel come serialised from the context cache, so per interaction only its
 * own fields, the channel's `last_message_id` and `data` are serialised. Ids are snowflakes and tokens
 * base64url, which need no escaping.
 */
export function serializeInteraction(ctx: EmulatorContext, contexts: InteractionContextCache, input: InteractionInput): string {
  const { state, application } = ctx;
  const { guild, channel } = input;
  const user = state.users.get(input.userId)!;
  const common =
    `{"id":"${input.id}","application_id":"${application.id}","type":${input.type},"version":1,"token":"${input.token}",` +
    `"channel_id":"${channel.id}","locale":${JSON.stringify(input.locale ?? user.locale)},"entitlements":[],"attachment_size_limit":10485760,`;
  const tail = `"data":${JSON.stringify(input.data)}${input.messageJson === undefined ? '' : `,"message":${input.messageJson}`}}`;
  if (guild) {
    const context = contexts.get(guild, channel, input.userId);
    let channelJson: string;
    if (context.channelOpen !== null) channelJson = `${context.channelOpen},"last_message_id":${JSON.stringify(channel.lastMessageId)}}`;
    else {
      const channelObject = channelPayload(channel);
      channelObject['permissions'] = context.permissions;
      channelJson = JSON.stringify(channelObject);
    }
    return `${common}${context.fields},"channel":${channelJson},${tail}`;
  }
  const dm = {
    channel: channelPayload(channel, state),
    user: userPayload(user),
    app_permissions: ALL_PERMISSIONS.toString(),
    authorizing_integration_owners: { '0': '0' },
    context: 1,
  };
  return `${common}${JSON.stringify(dm).slice(1, -1)},${tail}`;
}

/**
 * Builds `data.options` (with subcommand nesting) and `data.resolved` from plain values, typing each value
 * from the registered command's option definitions (falling back to the JS type).
 */
export function buildCommandOptions(
  ctx: EmulatorContext,
  guild: GuildRecord | null,
  command: CommandRecord | undefined,
  input: { options?: Record<string, OptionValue>; subcommand?: string; subcommandGroup?: string; focused?: string },
): { options: RawOption[]; resolved: Record<string, Record<string, unknown>> | null } {
  let definitions = asDefinitions(command?.body['options']);
  const resolved: Record<string, Record<string, unknown>> = {};
  const leaf: RawOption[] = [];
  const path: { name: string; type: number }[] = [];
  if (input.subcommandGroup) {
    path.push({ name: input.subcommandGroup, type: 2 });
    definitions = asDefinitions(definitions.find((option) => option.name === input.subcommandGroup)?.options);
  }
  if (input.subcommand) {
    path.push({ name: input.subcommand, type: 1 });
    definitions = asDefinitions(definitions.find((option) => option.name === input.subcommand)?.options);
  }
  for (const [name, value] of Object.entries(input.options ?? {})) {
    const definedType = definitions.find((option) => option.name === name)?.type;
    const type = typeof definedType === 'number' ? definedType : inferType(value);
    const option: RawOption = { name, type, value };
    if (input.focused === name) option.focused = true;
    leaf.push(option);
    if (typeof value === 'string') resolveValue(ctx, guild, type, value, resolved);
  }
  let options: RawOption[] = leaf;
  for (const level of path.reverse()) options = [{ name: level.name, type: level.type, options }];
  return { options, resolved: Object.keys(resolved).length > 0 ? resolved : null };
}

function asDefinitions(value: unknown): OptionDefinition[] {
  return Array.isArray(value) ? (value as OptionDefinition[]) : [];
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

function bucket(resolved: Record<string, Record<string, unknown>>, key: string): Record<string, unknown> {
  return (resolved[key] ??= {});
}

/** Adds users, members, roles and channels referenced by USER/CHANNEL/ROLE/MENTIONABLE options. */
export function resolveValue(
  ctx: EmulatorContext,
  guild: GuildRecord | null,
  type: number,
  id: string,
  resolved: Record<string, Record<string, unknown>>,
): void {
  const { state } = ctx;
  if (type === 6 || type === 9) {
    const user = state.users.get(id);
    if (user) {
      bucket(resolved, 'users')[id] = userPayload(user);
      const member = guild?.members.get(id);
      if (guild && member) {
        bucket(resolved, 'members')[id] = { ...memberPayload(state, member, false), permissions: state.basePermissions(guild, id).toString() };
      }
      return;
    }
  }
  if ((type === 8 || type === 9) && guild) {
    const role = guild.roles.get(id);
    if (role) bucket(resolved, 'roles')[id] = rolePayload(role);
    return;
  }
  if (type === 7) {
    const channel = state.channels.get(id);
    if (channel) {
      bucket(resolved, 'channels')[id] = { id, name: channel.name, type: channel.type, parent_id: channel.parentId, permissions: '0' };
    }
  }
}
