import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isBaselineError } from '../../src/errors/baseline-error.js';
import { createMemoryKeyValue } from '../../src/kv/create-memory-key-value.js';
import { createSettingsRegistry } from '../../src/settings/create-settings-registry.js';
import { defineSettings } from '../../src/settings/define-settings.js';
import { settingsRevision } from '../../src/settings/settings-revision.js';
import { MemorySettingsStore } from './memory-settings-store.js';

const GUILD = '100000000000000001';
const polls = defineSettings(z.object({ max: z.number().int().min(1).default(3) }));

const silent = pino({ level: 'silent' });

async function registry() {
  const store = new MemorySettingsStore();
  const settings = await createSettingsRegistry({ store, kv: createMemoryKeyValue({ logger: silent }), logger: silent });
  settings.register('polls', polls);
  return { store, settings };
}

describe('settings registry: revisions', () => {
  it('GIVEN getAllWithRevision THEN it reads the store, not the cache, AND the revision is that of the stored objects', async () => {
    const { store, settings } = await registry();
    expect(await settings.getAllWithRevision(GUILD)).toEqual({ settings: { polls: { max: 3 } }, revision: settingsRevision({}) });
    await settings.set(GUILD, 'polls', { max: 4 });
    // Changed behind the registry's back (as by hand in PostgreSQL): the cache still holds 4, the store 9.
    store.rows.get(GUILD)!.set('polls', { max: 9 });
    expect((await settings.get(GUILD, 'polls')).max).toBe(4);
    expect(await settings.getAllWithRevision(GUILD)).toEqual({ settings: { polls: { max: 9 } }, revision: settingsRevision({ polls: { max: 9 } }) });
    await settings.close();
  });

  it('GIVEN setMany with a stale ifRevision THEN BL_ERR_SETTINGS_CHANGED AND nothing is stored or announced', async () => {
    const { settings } = await registry();
    const { revision } = await settings.getAllWithRevision(GUILD);
    const heard: string[] = [];
    settings.onChange((change) => heard.push(change.namespace));
    await settings.setMany(GUILD, { polls: { max: 5 } }, { ifRevision: revision });
    expect(heard).toEqual(['polls']);
    const error = await settings.setMany(GUILD, { polls: { max: 6 } }, { ifRevision: revision }).catch((caught: unknown) => caught);
    expect(isBaselineError(error, 'BL_ERR_SETTINGS_CHANGED')).toBe(true);
    expect((await settings.get(GUILD, 'polls')).max).toBe(5);
    expect(heard).toEqual(['polls']);
    await settings.close();
  });

  it('GIVEN setManyWithRevision THEN it answers every namespace and the revision getAllWithRevision reads next AND announces the change', async () => {
    const { store, settings } = await registry();
    settings.register('quiz', defineSettings(z.object({ rounds: z.number().int().default(5) })));
    store.rows.set(GUILD, new Map([['quiz', { rounds: 7 }]]));
    const heard: string[] = [];
    settings.onChange((change) => heard.push(change.namespace));
    const answer = await settings.setManyWithRevision(GUILD, { polls: { max: 6 } });
    expect(answer).toEqual(await settings.getAllWithRevision(GUILD));
    expect(answer.settings).toEqual({ polls: { max: 6 }, quiz: { rounds: 7 } });
    expect(heard).toEqual(['polls']);
    await settings.close();
  });

  it('GIVEN announcement background THEN setMany resolves with the new value cached before the announcement, which then reaches the listeners', async () => {
    const kv = createMemoryKeyValue({ logger: silent });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const publish = kv.publish.bind(kv);
    kv.publish = async (channel, message) => {
      await held;
      return publish(channel, message);
    };
    const settings = await createSettingsRegistry({ store: new MemorySettingsStore(), kv, logger: silent });
    settings.register('polls', polls);
    const heard: number[] = [];
    settings.onChange((change) => heard.push(change.version));
    await settings.setMany(GUILD, { polls: { max: 8 } }, { announcement: 'background' });
    expect((await settings.get(GUILD, 'polls')).max).toBe(8);
    expect(heard).toEqual([]);
    release();
    await expect.poll(() => heard).toEqual([1]);
    await settings.close();
  });

  it('GIVEN announcement background AND the announcement fails THEN the committed write still resolves AND close() does not wait forever', async () => {
    const kv = createMemoryKeyValue({ logger: silent });
    kv.publish = () => Promise.reject(new Error('redis down'));
    const store = new MemorySettingsStore();
    const settings = await createSettingsRegistry({ store, kv, logger: silent });
    settings.register('polls', polls);
    const heard: string[] = [];
    settings.onChange((change) => heard.push(change.namespace));
    await expect(settings.setMany(GUILD, { polls: { max: 9 } }, { announcement: 'background' })).resolves.toEqual({ polls: { max: 9 } });
    expect(store.rows.get(GUILD)?.get('polls')).toEqual({ max: 9 });
    // Awaited (the default), the same failure rejects the call after the commit.
    await expect(settings.setMany(GUILD, { polls: { max: 4 } })).rejects.toThrow('redis down');
    await settings.close();
    expect(heard).toEqual([]);
  });
});
