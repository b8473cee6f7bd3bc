import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One value of a plugin's per-guild storage (`defineStorage`). Read and written through
 * `repositories/plugin-storage-repository.ts`; the entity exists so the schema check covers the table.
 */
export const PluginStorageEntry = defineEntity({
  name: 'PluginStorageEntry',
  tableName: 'plugin_storage',
  properties: {
    guildId: p.bigint('string').primary(),
    pluginId: p.string().length(64).primary(),
    storageKey: p.string().length(128).primary(),
    storageValue: p.json<unknown>(),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type PluginStorageEntry = InferEntity<typeof PluginStorageEntry>;
