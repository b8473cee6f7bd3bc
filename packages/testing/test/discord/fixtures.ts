import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { createDiscordEmulator, type DiscordEmulator, type DiscordEmulatorOptions } from '../../src/index.js';

/** Users and one guild most contract tests share: owner, alice (Mod), bob (plain member). */
export const baseSeed = {
  users: [{ username: 'owner', globalName: 'Owner' }, { username: 'alice', globalName: 'Alice' }, { username: 'bob' }, { username: 'carol' }],
  guilds: [
    {
      name: 'Baseline Test',
      owner: 'owner',
      roles: [
        { name: 'Mod', permissions: '162' },
        { name: 'Admin', permissions: '8' },
      ],
      channels: [{ name: 'general' }, { name: 'logs' }],
      members: [
        { user: 'alice', roles: ['Mod'] },
        { user: 'bob', nick: 'Bobby' },
      ],
    },
  ],
};

/** Fast timings for tests: short heartbeats, a 300 ms identify window, no member-request rate limit. */
export function testEmulator(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
  return createDiscordEmulator({
    seed: baseSeed,
    ...options,
    gateway: { heartbeatIntervalMs: 1000, identifyIntervalMs: 300, memberRequestIntervalMs: 0, ...options.gateway },
  });
}

/** A discord.js client pointed at the emulator. */
export function testClient(emulator: DiscordEmulator, options: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    ...emulator.clientOptions(),
    ...options,
  });
}

/** Logs in and resolves on `clientReady`. */
export async function loginReady(client: Client, token: string): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(token);
  await ready;
}

/** The seeded test guild. */
export function seededGuild(emulator: DiscordEmulator) {
  const guild = [...emulator.state.guilds.values()].find((candidate) => candidate.name === 'Baseline Test')!;
  const channel = (name: string) => [...guild.channels.values()].find((candidate) => candidate.name === name)!;
  const user = (name: string) => [...emulator.state.users.values()].find((candidate) => candidate.username === name)!;
  return { guild, channel, user };
}
