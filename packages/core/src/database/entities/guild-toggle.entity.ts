import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One per-guild toggle override (`command` '' for the whole plugin). Read and written through
 * `repositories/guild-toggle-repository.ts`; the entity exists so the schema check covers the table.
 */
export const GuildToggle = defineEntity({
  name: 'GuildToggle',
  tableName: 'guild_toggles',
  properties: {
    guildId: p.bigint('string').primary(),
    pluginId: p.string().length(64).primary(),
    command: p.string().length(64).primary().default(''),
    enabled: p.boolean(),
    updatedBy: p.bigint('string').nullable(),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type GuildToggle = InferEntity<typeof GuildToggle>;
