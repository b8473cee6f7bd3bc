import { defineSettings, type InferSettings } from '@baseline/core';
import { z } from 'zod';

/** Per-guild settings of the reference plugin; the dashboard generates its form from this schema. */
export const referenceSettings = defineSettings(
  z.object({
    // The refinement has no JSON-Schema form, so only the API checks it: the dashboard shows the API's field error.
    greeting: z
      .string()
      .min(1)
      .max(100)
      .refine((text) => !/@(everyone|here)\b/.test(text), 'must not mention @everyone or @here')
      .default('Hello')
      .describe('What /hello says first'),
    countNewMembers: z.boolean().default(true).describe('Count members who join the guild'),
  }),
  { title: 'Reference plugin', description: 'Greeting and member counting of the reference plugin' },
);

declare module '@baseline/core' {
  interface BaselineSettings {
    reference: InferSettings<typeof referenceSettings>;
  }
}
