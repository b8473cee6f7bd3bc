import { once } from 'node:events';
import { createDiscordEmulator, type DiscordEmulator } from '@baseline/testing';
import { Client, GatewayIntentBits, PermissionFlagsBits, type GuildMember, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createCacheOptions } from '../../src/index.js';

const ALICE = '200000000000000001';
const BOB = '200000000000000002';
const { ViewChannel, SendMessages, ManageMessages, ManageChannels } = PermissionFlagsBits;

/** Everything a permission check reads, observed through one client; the same for any cache settings. */
async function observe(emulator: DiscordEmulator, cache: 'baseline' | 'discord.js') {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    ...emulator.clientOptions(),
    ...(cache === 'baseline' ? createCacheOptions() : {}),
  });
  try {
    const ready = once(client, 'clientReady');
    await client.login(emulator.botToken);
    await ready;
    const guild = client.guilds.cache.first()!;
    const channel = (name: string) => guild.channels.cache.find((entry) => entry.name === name) as TextChannel;
    const [alice, bob] = [await guild.members.fetch(ALICE), await guild.members.fetch(BOB)];
    const permissions = (members: GuildMember[]) =>
      Object.fromEntries(
        guild.channels.cache.map((entry) => [entry.name, members.map((member) => (entry as TextChannel).permissionsFor(member).bitfield.toString())]),
      );
    const seeded = permissions([alice, bob, guild.members.me!]);

    const roleUpdated = once(client, 'roleUpdate');
    emulator.setRolePermissions(guild.id, 'Mod', ManageMessages | ManageChannels);
    await roleUpdated;
    const created = once(client, 'channelCreate');
    emulator.addChannel(guild.id, {
      name: 'secret',
      overwrites: [
        { id: '@everyone', type: 'role', deny: ViewChannel },
        { id: BOB, type: 'member', allow: ViewChannel },
      ],
    });
    await created;
    const afterChanges = permissions([alice, bob]);

    for (let index = 0; index < 27; index += 1) await channel('general').send(`message ${index}`);
    const received = once(client, 'messageCreate');
    emulator.sendMessage({ channelId: channel('staff').id, userId: BOB, content: 'hello staff' });
    await received;
    const messages = {
      general: channel('general').messages.cache.size,
      staff: [...channel('staff').messages.cache.values()].map((message) => message.author.id),
      announcements: channel('announcements').messages.cache.size,
    };
    const overwrites = Object.fromEntries(guild.channels.cache.map((entry) => [entry.name, (entry as TextChannel).permissionOverwrites.cache.size]));
    return {
      seeded,
      afterChanges,
      messages,
      overwrites,
      bobViewsStaff: channel('staff').permissionsFor(bob).has(ViewChannel),
      aliceViewsStaff: channel('staff').permissionsFor(alice).has(ViewChannel),
      aliceSendsAnnouncements: channel('announcements').permissionsFor(alice).has(SendMessages),
    };
  } finally {
    await client.destroy();
  }
}

describe('GIVEN a guild with roles and channel permission overwrites', () => {
  const emulators: DiscordEmulator[] = [];
  const start = async () => {
    const emulator = await createDiscordEmulator({
      gateway: { identifyIntervalMs: 0 },
      seed: {
        users: [{ username: 'owner' }, { id: ALICE, username: 'alice' }, { id: BOB, username: 'bob' }],
        guilds: [
          {
            name: 'Perms',
            owner: 'owner',
            roles: [{ name: 'Mod', permissions: ManageMessages }],
            channels: [
              { name: 'general' },
              {
                name: 'staff',
                overwrites: [
                  { id: '@everyone', type: 'role', deny: ViewChannel },
                  { id: 'Mod', type: 'role', allow: ViewChannel },
                ],
              },
              { name: 'announcements', overwrites: [{ id: ALICE, type: 'member', deny: SendMessages }] },
            ],
            members: [{ user: 'alice' }, { user: 'bob', roles: ['Mod'] }],
          },
        ],
      },
    });
    emulators.push(emulator);
    return emulator;
  };
  afterEach(async () => {
    for (const emulator of emulators.splice(0)) await emulator.close();
  });

  it('THEN baseline caches give the permissions, overwrites and updates discord.js defaults give, and keep 25 messages per channel', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const ours = await observe(await start(), 'baseline');
      const theirs = await observe(await start(), 'discord.js');
      expect(ours.seeded).toEqual(theirs.seeded);
      expect(ours.afterChanges).toEqual(theirs.afterChanges);
      expect(ours.overwrites).toEqual(theirs.overwrites);
      expect(ours.overwrites).toEqual({ general: 0, staff: 2, announcements: 1, secret: 2 });
      expect([ours.bobViewsStaff, ours.aliceViewsStaff, ours.aliceSendsAnnouncements]).toEqual([true, false, false]);
      expect(BigInt(ours.afterChanges['secret']![0]!) & ViewChannel).toBe(0n);
      expect(BigInt(ours.afterChanges['secret']![1]!) & ViewChannel).toBe(ViewChannel);
      expect(BigInt(ours.seeded['general']![1]!) & ManageChannels).toBe(0n);
      expect(BigInt(ours.afterChanges['general']![1]!) & ManageChannels).toBe(ManageChannels);
      expect(ours.messages).toEqual({ general: 25, staff: [BOB], announcements: 0 });
      expect(theirs.messages).toEqual({ general: 27, staff: [BOB], announcements: 0 });
      expect(warnings.filter((message) => message.includes('cache'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
