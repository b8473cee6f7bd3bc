import { z } from 'zod';
import { snowflake } from '../../http/schemas.js';

export const userSchema = z
  .object({ id: snowflake, username: z.string(), global_name: z.string().nullable(), avatar: z.string().nullable() })
  .meta({ id: 'User' });

export const accessibleGuildSchema = z.object({
  guild_id: snowflake,
  name: z.string(),
  /** How the user reaches the guild. */
  access: z.enum(['authorized', 'developer']),
  is_initial: z.boolean(),
});

export const meSchema = z.object({
  user: userSchema,
  is_developer: z.boolean(),
  /** Echo it in the X-CSRF-Token header of every write. */
  csrf_token: z.string(),
  guilds: z.array(accessibleGuildSchema),
});
