import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One press of the Wave button: the plugin's own table, scoped by guild like every guild-owned row. */
export const Wave = defineEntity({
  name: 'ReferenceWave',
  tableName: 'reference_waves',
  properties: {
    id: p.integer().primary(),
    guildId: p.bigint('string'),
    userId: p.bigint('string'),
    wavedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export type Wave = InferEntity<typeof Wave>;
