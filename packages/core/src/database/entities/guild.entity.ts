import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A Discord guild the bot was added to. Rows are never deleted on leave: `isActive` goes false instead. */
export const Guild = defineEntity({
  name: 'Guild',
  tableName: 'guilds',
  properties: {
    guildId: p.bigint('string').primary().autoincrement(false),
    guildName: p.string(),
    addedByUserId: p.bigint('string').nullable(),
    addedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    isActive: p.boolean().default(true),
    ownerId: p.bigint('string').nullable(),
    leftAt: p.datetime().nullable(),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Guild = InferEntity<typeof Guild>;
