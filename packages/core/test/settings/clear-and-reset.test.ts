import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryKeyValue } from '../../src/kv/create-memory-key-value.js';
import { createSettingsRegistry } from '../../src/settings/create-settings-registry.js';
import { defineSettings } from '../../src/settings/define-settings.js';
import { resetSettings } from '../../src/settings/reset-settings.js';
import { MemorySettingsStore } from './memory-settings-store.js';

const welcome = defineSettings(
  z.object({
    channelId: z.string().optional(),
    greeting: z.string().min(1).default('Hello!'),
    note: z.string().nullable().default('hi'),
  }),
);
const GUILD = '100000000000000001';

async function registry() {
  const settings = await createSettingsRegistry({
    store: new MemorySettingsStore(),
    kv: createMemoryKeyValue({ logger: pino({ level: 'silent' }) }),
    logger: pino({ level: 'silent' }),
  });
  settings.register('welcome', welcome);
  return settings;
}

describe('clearing and resetting settings', () => {
  it('GIVEN null for an optional field THEN it is cleared (regression: {"channelId": null} was rejected)', async () => {
    const settings = await registry();
    await settings.set(GUILD, 'welcome', { channelId: '123', greeting: 'Hey' });
    expect(await settings.set(GUILD, 'welcome', { channelId: null })).toEqual({ greeting: 'Hey', note: 'hi' });
  });

  it('GIVEN null for a field with a default THEN it gets its default; for a nullable field THEN null is stored', async () => {
    const settings = await registry();
    await settings.set(GUILD, 'welcome', { greeting: 'Hey' });
    expect(await settings.set(GUILD, 'welcome', { greeting: null, note: null })).toEqual({ greeting: 'Hello!', note: null });
  });

  it('GIVEN resetSettings with fields THEN only those return to their defaults; without fields THEN the whole namespace does', async () => {
    const settings = await registry();
    await settings.set(GUILD, 'welcome', { channelId: '123', greeting: 'Hey', note: 'x' });
    expect(await resetSettings(settings, GUILD, 'welcome', { fields: ['greeting', 'channelId'] })).toEqual({ greeting: 'Hello!', note: 'x' });
    expect(await resetSettings(settings, GUILD, 'welcome')).toEqual({ greeting: 'Hello!', note: 'hi' });
  });

  it('GIVEN an unknown field or namespace THEN resetSettings refuses with a coded error and stores nothing', async () => {
    const settings = await registry();
    await settings.set(GUILD, 'welcome', { greeting: 'Hey' });
    await expect(resetSettings(settings, GUILD, 'welcome', { fields: ['nope'] })).rejects.toMatchObject({ code: 'BL_ERR_SETTINGS_INVALID' });
    await expect(resetSettings(settings, GUILD, 'absent')).rejects.toMatchObject({ code: 'BL_ERR_SETTINGS_NAMESPACE_UNKNOWN' });
    expect((await settings.get(GUILD, 'welcome')).greeting).toBe('Hey');
  });
});
