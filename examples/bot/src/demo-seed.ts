/**
 * The emulated Discord the demo starts when no bot token is set: one guild, an owner and two members. The ids
 * are fixed, so what the demo stores (guild rows, settings) is found again on the next run.
 */
export const demoSeed = {
  users: [
    { id: '1300000000000000010', username: 'owner', globalName: 'Owner' },
    { id: '1300000000000000011', username: 'alice', globalName: 'Alice' },
    { id: '1300000000000000012', username: 'bob', globalName: 'Bob' },
  ],
  guilds: [
    {
      id: '1300000000000000100',
      name: 'Baseline Demo',
      owner: 'owner',
      roles: [{ id: '1300000000000000110', name: 'Mod', permissions: '32' }],
      channels: [
        { id: '1300000000000000101', name: 'general' },
        { id: '1300000000000000102', name: 'bot-commands' },
      ],
      members: [{ user: 'alice', roles: ['Mod'] }, { user: 'bob' }],
      bot: { addedBy: 'owner' },
    },
  ],
};
