import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One user's stored Discord OAuth2 grant (sealed tokens, granted scopes). Read and written through
 * `repositories/user-oauth-grant-repository.ts`; the entity exists so the schema check covers the table.
 */
export const UserOAuthGrant = defineEntity({
  name: 'UserOAuthGrant',
  tableName: 'user_oauth_grants',
  properties: {
    userId: p.bigint('string').primary().autoincrement(false),
    sealedTokens: p.text(),
    scopes: p.string().length(512),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type UserOAuthGrant = InferEntity<typeof UserOAuthGrant>;
