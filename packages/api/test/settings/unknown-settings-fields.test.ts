import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unknownSettingsFields } from '../../src/routes/settings/unknown-settings-fields.js';

describe('fields a settings namespace does not declare', () => {
  const schema = z.object({
    greeting: z.string().default('Hello'),
    limits: z.object({ perDay: z.number().default(3), channels: z.array(z.string()).default([]) }).prefault({}),
    extra: z.record(z.string(), z.number()).optional(),
  });

  it('GIVEN unknown fields at the top and inside a nested object THEN both are named with dotted paths', () => {
    expect(unknownSettingsFields(schema, { greeting: 'Hi', colour: 'red', limits: { perDay: 2, perHour: 1 } }, 'greeter')).toEqual([
      'greeter.colour',
      'greeter.limits.perHour',
    ]);
  });

  it('GIVEN only declared fields, records and arrays THEN nothing is reported', () => {
    expect(unknownSettingsFields(schema, { greeting: 'Hi', limits: { channels: ['1'] }, extra: { anything: 1 } }, 'greeter')).toEqual([]);
    expect(unknownSettingsFields(schema, { limits: null }, 'greeter')).toEqual([]);
  });
});
