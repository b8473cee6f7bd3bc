/** The emulated Discord the demo starts when no bot token is set: one guild, an owner and two members. */
export const demoSeed = {
  users: [{ username: 'owner', globalName: 'Owner' }, { username: 'alice', globalName: 'Alice' }, { username: 'bob', globalName: 'Bob' }],
  guilds: [
    {
      name: 'Baseline Demo',
      owner: 'owner',
      roles: [{ name: 'Mod', permissions: '32' }],
      channels: [{ name: 'general' }, { name: 'bot-commands' }],
      members: [{ user: 'alice', roles: ['Mod'] }, { user: 'bob' }],
      bot: { addedBy: 'owner' },
    },
  ],
};
