import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Guild } from './guild.entity.js';

/**
 * A user allowed into a guild's dashboard. Revocation keeps the row (`isActive` false, `revokedAt` set) so
 * the history stays readable; the initial user (`isInitial`) cannot be revoked.
 */
export const AuthorizedUser = defineEntity({
  name: 'AuthorizedUser',
  tableName: 'authorized_users',
  properties: {
    id: p.integer().primary(),
    guildId: () => p.manyToOne(Guild).mapToPk().fieldName('guild_id').deleteRule('cascade'),
    userId: p.bigint('string'),
    grantedByUserId: p.bigint('string').nullable(),
    grantedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    isActive: p.boolean().default(true),
    isInitial: p.boolean().default(false),
    revokedAt: p.datetime().nullable(),
    revokedByUserId: p.bigint('string').nullable(),
  },
  uniques: [{ name: 'authorized_users_guild_id_user_id_unique', properties: ['guildId', 'userId'] }],
  indexes: [{ name: 'authorized_users_user_id_index', properties: ['userId'] }],
});

export type AuthorizedUser = InferEntity<typeof AuthorizedUser>;
