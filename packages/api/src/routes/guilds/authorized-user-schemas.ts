import { z } from 'zod';
import { snowflake, timestamp } from '../../http/schemas.js';

export const authorizedUserSchema = z
  .object({
    user_id: snowflake,
    granted_by_user_id: snowflake.nullable(),
    granted_at: timestamp,
    is_active: z.boolean(),
    is_initial: z.boolean().describe('The user who added the bot; cannot be revoked'),
    revoked_at: timestamp.nullable(),
    revoked_by_user_id: snowflake.nullable(),
  })
  .meta({ id: 'AuthorizedUser' });
