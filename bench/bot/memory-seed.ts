// The emulator seed shared by memory.bench.ts and memory-snapshot.ts: GUILDS guilds with MEMBERS members (the
// bot included) and CHANNELS text channels each, every member sent in GUILD_CREATE.
import type { DiscordEmulatorOptions } from '../../packages/testing/src/discord/index.js';

export const GUILDS = Number(process.env.BENCH_GUILDS ?? 1000);
export const MEMBERS = 50;
export const CHANNELS = 20;
const USERS = 5000;

export const memoryEmulatorOptions: DiscordEmulatorOptions = {
  seed: {
    users: [{ username: 'owner' }, ...Array.from({ length: USERS }, (_, index) => ({ username: `user${index}` }))],
    guilds: Array.from({ length: GUILDS }, (_, guild) => ({
      name: `guild-${guild}`,
      owner: 'owner',
      channels: Array.from({ length: CHANNELS }, (_, channel) => ({ name: `channel-${channel}` })),
      members: Array.from({ length: MEMBERS - 1 }, (_, member) => ({ user: `user${(guild * MEMBERS + member) % USERS}` })),
    })),
  },
  gateway: { heartbeatIntervalMs: 41_250, identifyIntervalMs: 0, guildCreateMembers: 'all', guildsPerShard: 2500 },
};
