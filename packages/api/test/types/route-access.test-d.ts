// Type test, checked by `pnpm --filter @baseline/api typecheck`: a handler's `caller` and `guildId` follow the
// route's `access`, so no handler needs `caller!`.
import { expectTypeOf } from 'vitest';
import type { Caller } from '../../src/auth/caller.js';
import { defineRoute } from '../../src/index.js';

defineRoute({
  method: 'GET',
  url: '/open',
  summary: 'public',
  access: 'public',
  responses: { 200: null },
  handler: ({ caller, guildId }) => {
    expectTypeOf(caller).toEqualTypeOf<Caller | undefined>();
    expectTypeOf(guildId).toEqualTypeOf<undefined>();
  },
});

for (const access of ['user', 'developer'] as const) {
  defineRoute({
    method: 'GET',
    url: '/signed-in',
    summary: 'signed in',
    access,
    responses: { 200: null },
    handler: ({ caller }) => expectTypeOf(caller).toEqualTypeOf<Caller>(),
  });
}

defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id',
  summary: 'guild',
  access: 'guild-authorized',
  responses: { 200: null },
  handler: ({ caller, guildId }) => {
    expectTypeOf(caller).toEqualTypeOf<Caller>();
    expectTypeOf(guildId).toEqualTypeOf<string>();
  },
});
