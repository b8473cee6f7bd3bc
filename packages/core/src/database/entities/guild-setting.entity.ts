import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Guild } from './guild.entity.js';

/** One settings namespace of one guild: `settingKey` is the plugin namespace, `settingValue` its whole object. */
export const GuildSetting = defineEntity({
  name: 'GuildSetting',
  tableName: 'guild_settings',
  properties: {
    id: p.integer().primary(),
    guildId: () => p.manyToOne(Guild).mapToPk().fieldName('guild_id').deleteRule('cascade'),
    settingKey: p.string(),
    settingValue: p.json<Record<string, unknown>>(),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    updatedByUserId: p.bigint('string').nullable(),
  },
  uniques: [{ name: 'guild_settings_guild_id_setting_key_unique', properties: ['guildId', 'settingKey'] }],
});

export type GuildSetting = InferEntity<typeof GuildSetting>;
