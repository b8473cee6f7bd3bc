import { definePlugin, defineSettings } from '@baseline/core';
import { z } from 'zod';

/** One small settings namespace for the benchmark to read and write. */
export const benchSettingsPlugin = definePlugin({
  id: 'bench',
  name: 'Bench',
  version: '1.0.0',
  settings: defineSettings(z.object({ level: z.number().int().min(0).max(10).default(0), label: z.string().default('bench') })),
});
