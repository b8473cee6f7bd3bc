import { defineSettings, type InferSettings } from '@baseline/core';
import { z } from 'zod';

/** Per-guild settings of the plugin; the dashboard generates its form from this schema. */
export const notesSettings = defineSettings(
  z.object({
    maxNotes: z.number().int().min(1).max(100).default(20).describe('How many notes a member may keep'),
  }),
  { title: 'Notes', description: 'Limits of the notes plugin' },
);

declare module '@baseline/core' {
  interface BaselineSettings {
    notes: InferSettings<typeof notesSettings>;
  }
}
