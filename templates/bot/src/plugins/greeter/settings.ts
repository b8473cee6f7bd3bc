import { defineSettings, type InferSettings } from '@baseline/core';
import { z } from 'zod';

/** Per-guild settings of the greeter; the dashboard generates its form from this schema. */
export const greeterSettings = defineSettings(
  z.object({
    greeting: z.string().min(1).max(100).default('Hello').describe('What /greet says first'),
  }),
  { title: 'Greeter', description: 'How the bot greets people' },
);

declare module '@baseline/core' {
  interface BaselineSettings {
    greeter: InferSettings<typeof greeterSettings>;
  }
}
