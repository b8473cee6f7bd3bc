import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isBaselineError } from '../../src/errors/baseline-error.js';
import { defineSettings, isSettingsDefinition } from '../../src/settings/define-settings.js';

describe('defineSettings', () => {
  it('GIVEN fields with defaults or optional THEN defaults form a complete, frozen object', () => {
    const settings = defineSettings(
      z.object({
        maxWarnings: z.number().int().default(3),
        logChannelId: z.string().optional(),
        filters: z.object({ links: z.boolean().default(true) }).prefault({}),
        words: z.array(z.string()).default([]),
      }),
      { title: 'Moderation' },
    );
    expect(settings.defaults).toEqual({ maxWarnings: 3, filters: { links: true }, words: [] });
    expect(Object.isFrozen(settings.defaults)).toBe(true);
    expect(Object.isFrozen(settings.defaults.filters)).toBe(true);
    expect(settings.title).toBe('Moderation');
    expect(isSettingsDefinition(settings)).toBe(true);
    expect(isSettingsDefinition({ schema: settings.schema })).toBe(false);
  });

  it('GIVEN fields without default THEN it throws BL_ERR_SETTINGS_DEFINITION_INVALID naming them', () => {
    let caught: unknown;
    try {
      defineSettings(z.object({ ok: z.number().default(1), channelId: z.string(), nested: z.object({ a: z.number().default(1) }) }));
    } catch (error) {
      caught = error;
    }
    expect(isBaselineError(caught, 'BL_ERR_SETTINGS_DEFINITION_INVALID')).toBe(true);
    expect((caught as Error).message).toContain('channelId, nested');
  });

  it('GIVEN defaults that fail an object-level refinement THEN it throws BL_ERR_SETTINGS_DEFINITION_INVALID', () => {
    const schema = z
      .object({ min: z.number().default(5), max: z.number().default(1) })
      .refine((value) => value.min <= value.max, { message: 'min must not exceed max' });
    expect(() => defineSettings(schema)).toThrow(/min must not exceed max/);
  });
});
