import type { EmulatorCore } from '../emulator-core.js';
import type { GatewaySession } from '../gateway/gateway-session.js';
import { Intent } from '../gateway/intents.js';
import { Errors } from '../rest/api-error.js';
import { botCanView, botSeesThread, channelPayload, memberPayload, threadMemberPayload } from '../state/payloads.js';
import type { ChannelRecord, GuildRecord, MessageRecord } from '../state/records.js';

/** Message flag HAS_THREAD. */
const HAS_THREAD = 32;

/** A thread to start. */
export interface NewThread {
  guild: GuildRecord;
  parent: ChannelRecord;
  ownerId: string;
  name: string;
  /** 10 announcement, 11 public, 12 private. */
  type: number;
  /** Minutes. @default 4320 */
  autoArchiveDuration?: number;
  /** The starter message: the thread gets its id, as on Discord. */
  message?: MessageRecord;
  invitable?: boolean;
}

/** Fields of a thread a PATCH may change. */
export interface ThreadEdit {
  name?: string;
  archived?: boolean;
  locked?: boolean;
  autoArchiveDuration?: number;
}

/**
 * Threads: start (from a message or standalone), members, archive state and deletion, with THREAD_CREATE,
 * THREAD_UPDATE, THREAD_DELETE, THREAD_MEMBERS_UPDATE, THREAD_MEMBER_UPDATE and THREAD_LIST_SYNC as Discord
 * sends them under GUILDS (other users' membership changes only with GUILD_MEMBERS). The bot hears of a thread
 * only while it can view the parent channel, and of a private thread only once it is a member.
 */
export class ThreadActions {
  /** Whether the bot could view each parent channel of an active thread when last looked at. */
  readonly #parentAccess = new Map<string, boolean>();

  constructor(private readonly core: EmulatorCore) {}

  start(input: NewThread): ChannelRecord {
    const { state, snowflakes } = this.core.ctx;
    if (input.message?.threadId) throw Errors.threadAlreadyCreated();
    const now = new Date().toISOString();
    const thread: ChannelRecord = {
      id: input.message?.id ?? snowflakes.next(),
      guildId: input.guild.id,
      type: input.type,
      name: input.name,
      position: 0,
      parentId: input.parent.id,
      topic: null,
      nsfw: input.parent.nsfw,
      overwrites: [],
      lastMessageId: null,
      recipientIds: [],
      thread: {
        ownerId: input.ownerId,
        archived: false,
        locked: false,
        autoArchiveDuration: input.autoArchiveDuration ?? 4320,
        archiveTimestamp: now,
        createTimestamp: now,
        invitable: input.invitable ?? true,
        members: new Map([[input.ownerId, now]]),
        messageCount: 0,
      },
    };
    state.channels.set(thread.id, thread);
    input.guild.threads.set(thread.id, thread);
    this.#parentAccess.set(input.parent.id, botCanView(this.core.ctx.state, input.guild, input.parent.id));
    if (input.message) {
      input.message.threadId = thread.id;
      input.message.flags |= HAS_THREAD;
    }
    const botId = state.botUserId;
    this.#dispatch(thread, 'THREAD_CREATE', () => {
      const payload = { ...channelPayload(thread), newly_created: true } as Record<string, unknown>;
      const joined = thread.thread!.members.get(botId);
      if (joined) payload['member'] = threadMemberPayload(thread, botId, joined);
      return JSON.stringify(payload);
    });
    return thread;
  }

  /** Adds a member (THREAD_MEMBERS_UPDATE); a private thread the bot joins reaches it as THREAD_CREATE first. */
  join(thread: ChannelRecord, userId: string): void {
    const data = this.#data(thread);
    if (data.members.has(userId)) return;
    const joinedAt = new Date().toISOString();
    data.members.set(userId, joinedAt);
    if (userId === this.core.ctx.state.botUserId && thread.type === 12) {
      this.#dispatch(thread, 'THREAD_CREATE', () => JSON.stringify({ ...channelPayload(thread), member: threadMemberPayload(thread, userId, joinedAt) }));
    }
    if (userId === this.core.ctx.state.botUserId) {
      // Discord's signal to the current user that it is now a member ("largely an implementation detail").
      const payload = JSON.stringify({ ...threadMemberPayload(thread, userId, joinedAt), guild_id: thread.guildId });
      this.#dispatch(thread, 'THREAD_MEMBER_UPDATE', () => payload);
    }
    const guild = this.core.ctx.state.guilds.get(thread.guildId!);
    const member = guild?.members.get(userId);
    const added = { ...threadMemberPayload(thread, userId, joinedAt), ...(member ? { member: memberPayload(this.core.ctx.state, member) } : {}) };
    this.#membersUpdate(thread, userId, { added_members: [added] });
  }

  /** Removes a member (THREAD_MEMBERS_UPDATE with `removed_member_ids`). */
  leave(thread: ChannelRecord, userId: string): void {
    if (!this.#data(thread).members.delete(userId)) return;
    this.#membersUpdate(thread, userId, { removed_member_ids: [userId] });
  }

  /** Renames, archives, locks or changes the archive duration (THREAD_UPDATE). */
  edit(thread: ChannelRecord, edit: ThreadEdit): ChannelRecord {
    const data = this.#data(thread);
    if (edit.name !== undefined) thread.name = edit.name;
    if (edit.locked !== undefined) data.locked = edit.locked;
    if (edit.autoArchiveDuration !== undefined) data.autoArchiveDuration = edit.autoArchiveDuration;
    if (edit.archived !== undefined && edit.archived !== data.archived) {
      data.archived = edit.archived;
      data.archiveTimestamp = new Date().toISOString();
    }
    this.#dispatch(thread, 'THREAD_UPDATE', () => JSON.stringify(channelPayload(thread)));
    return thread;
  }

  /** Deletes a thread (THREAD_DELETE). */
  delete(thread: ChannelRecord): void {
    const { state } = this.core.ctx;
    const payload = JSON.stringify({ id: thread.id, guild_id: thread.guildId, parent_id: thread.parentId, type: thread.type });
    this.#dispatch(thread, 'THREAD_DELETE', () => payload);
    state.channels.delete(thread.id);
    state.channelMessages.delete(thread.id);
    state.guilds.get(thread.guildId!)?.threads.delete(thread.id);
    const starter = thread.parentId ? state.channelMessages.get(thread.parentId)?.get(thread.id) : undefined;
    if (starter) starter.threadId = null;
  }

  /** Before a message is posted: a locked archived thread refuses it (50083), an archived one reopens. */
  beforeMessage(thread: ChannelRecord): void {
    const data = this.#data(thread);
    if (!data.archived) return;
    if (data.locked) throw Errors.threadArchived();
    this.edit(thread, { archived: false });
  }

  /** Active (not archived) threads of a guild the bot can see, with the bot's thread memberships. */
  active(guild: GuildRecord): { threads: ChannelRecord[]; botMemberships: { thread: ChannelRecord; joinedAt: string }[] } {
    const botId = this.core.ctx.state.botUserId;
    const threads = [...guild.threads.values()].filter((thread) => !thread.thread!.archived && this.#visible(thread));
    const botMemberships = threads.flatMap((thread) => {
      const joinedAt = thread.thread!.members.get(botId);
      return joinedAt ? [{ thread, joinedAt }] : [];
    });
    return { threads, botMemberships };
  }

  /**
   * After a change of roles, overwrites or membership: for every parent channel of active threads the bot could
   * not view before and can now, THREAD_LIST_SYNC with those channels' active threads and the bot's memberships
   * in them (Discord sends it "when the current user gains access to a channel").
   */
  syncAccess(): void {
    const { state } = this.core.ctx;
    for (const guild of state.guilds.values()) {
      if (guild.threads.size === 0 || !state.botIsIn(guild.id)) continue;
      const checked = new Set<string>();
      const gained: string[] = [];
      for (const thread of guild.threads.values()) {
        const parentId = thread.parentId;
        if (parentId === null || thread.thread!.archived || checked.has(parentId)) continue;
        checked.add(parentId);
        const now = botCanView(this.core.ctx.state, guild, parentId);
        if (now && this.#parentAccess.get(parentId) === false) gained.push(parentId);
        this.#parentAccess.set(parentId, now);
      }
      if (gained.length > 0) this.#listSync(guild, gained);
    }
  }

  #listSync(guild: GuildRecord, channelIds: string[]): void {
    const botId = this.core.ctx.state.botUserId;
    const { threads, botMemberships } = this.active(guild);
    const synced = threads.filter((thread) => channelIds.includes(thread.parentId!));
    const payload = JSON.stringify({
      guild_id: guild.id,
      channel_ids: channelIds,
      threads: synced.map((thread) => channelPayload(thread)),
      members: botMemberships.filter(({ thread }) => synced.includes(thread)).map(({ thread, joinedAt }) => threadMemberPayload(thread, botId, joinedAt)),
    });
    this.core.gateway.dispatch(guild.id, 'THREAD_LIST_SYNC', payload, Intent.Guilds);
  }

  #data(thread: ChannelRecord) {
    if (!thread.thread) throw Errors.invalidForm('channel_id', 'CHANNEL_TYPE_INVALID', 'Not a thread');
    return thread.thread;
  }

  #visible(thread: ChannelRecord): boolean {
    const { state } = this.core.ctx;
    const guild = state.guilds.get(thread.guildId!);
    return guild !== undefined && botSeesThread(state, guild, thread);
  }

  #membersUpdate(thread: ChannelRecord, userId: string, change: Record<string, unknown>): void {
    const payload = JSON.stringify({ id: thread.id, guild_id: thread.guildId, member_count: Math.min(50, thread.thread!.members.size), ...change });
    const botId = this.core.ctx.state.botUserId;
    // Without GUILD_MEMBERS, Discord only tells the bot about its own membership.
    this.#dispatch(thread, 'THREAD_MEMBERS_UPDATE', (session) => (userId === botId || (session.intents & Intent.GuildMembers) !== 0 ? payload : null));
  }

  #dispatch(thread: ChannelRecord, type: string, data: (session: GatewaySession) => string | null): void {
    if (!thread.guildId || !this.core.ctx.state.botIsIn(thread.guildId) || !this.#visible(thread)) return;
    let cached: string | null | undefined;
    this.core.gateway.dispatch(
      thread.guildId,
      type,
      (session) => {
        if (type !== 'THREAD_MEMBERS_UPDATE') return (cached ??= data(session));
        return data(session);
      },
      Intent.Guilds,
    );
  }
}
