import { definePlugin, defineSettings, isAuthorizedUser, listAuditLog } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createPluginHarness, type PluginHarness } from '../../src/testing/index.js';

const welcomeSettings = defineSettings(
  z.object({
    greeting: z.string().min(1).max(50).default('Hello').describe('What new members are greeted with'),
    style: z.enum(['plain', 'fancy']).default('plain'),
    maxPerDay: z.number().int().min(0).max(10).default(3),
    channelId: z.string().regex(/^\d+$/).optional(),
  }),
  { title: 'Welcome' },
);
const welcomePlugin = definePlugin({ id: 'welcome', name: 'Welcome', version: '1.0.0', settings: welcomeSettings });

interface Embed {
  title: string;
  fields: { name: string; value: string }[];
}

describe('/settings', () => {
  let harness: PluginHarness;
  let guildId: string;
  const settings = () => harness.services.settings.get(guildId, 'welcome');
  const run = (as: string, subcommand: string, options: Record<string, string>) =>
    harness.driver.run('settings', { as, subcommand, options: { plugin: 'welcome', ...options } }).reply();

  beforeAll(async () => {
    harness = await createPluginHarness(welcomePlugin);
    guildId = harness.driver.guildId();
    // Guild tracking grants the user who added the bot (the owner) once the guild is recorded.
    await vi.waitFor(async () => {
      if (!(await isAuthorizedUser(harness.services.db, guildId, harness.driver.userId('owner')))) throw new Error('owner not granted yet');
    });
  });
  afterAll(() => harness?.close());

  it('GIVEN an authorized user THEN view shows every field with its value and description, ephemerally', async () => {
    const reply = await run('owner', 'view', {});
    expect(reply.ephemeral).toBe(true);
    const [embed] = reply.embeds as Embed[];
    expect(embed!.title).toBe('Welcome');
    expect(embed!.fields.map((field) => field.name)).toEqual(['greeting', 'style', 'maxPerDay', 'channelId']);
    expect(embed!.fields[0]!.value).toBe('"Hello"\nWhat new members are greeted with');
    expect(embed!.fields[3]!.value).toBe('*not set*');
  });

  it('GIVEN set THEN the value is parsed by the field type, validated by the schema, stored and audited like the API', async () => {
    expect((await run('owner', 'set', { field: 'maxPerDay', value: '5' })).content).toBe('welcome.maxPerDay changed.');
    expect((await run('owner', 'set', { field: 'channelId', value: '123456' })).content).toBe('welcome.channelId changed.');
    expect(await settings()).toEqual({ greeting: 'Hello', style: 'plain', maxPerDay: 5, channelId: '123456' });
    const [entry] = await listAuditLog(harness.services.db, guildId, { action: 'settings.update' });
    expect(entry).toMatchObject({ actorUserId: harness.driver.userId('owner'), target: 'welcome', after: { channelId: '123456', maxPerDay: 5 } });
  });

  it('GIVEN an invalid value or an unknown field THEN the reply names the path and the rule, and nothing changes', async () => {
    const tooMany = await run('owner', 'set', { field: 'maxPerDay', value: '99' });
    expect(tooMany.content).toContain('BL_ERR_SETTINGS_INVALID');
    expect(tooMany.content).toContain('welcome.maxPerDay');
    const badChoice = await run('owner', 'set', { field: 'style', value: 'loud' });
    expect(badChoice.content).toContain('welcome.style');
    expect((await run('owner', 'set', { field: 'nope', value: '1' })).content).toContain('has no field "nope"');
    expect((await settings()).maxPerDay).toBe(5);
  });

  it('GIVEN autocomplete THEN fields and enum choices come from the schema', async () => {
    const fields = await harness.emulator
      .invokeAutocomplete({
        guildId,
        userId: harness.driver.userId('owner'),
        name: 'settings',
        subcommand: 'set',
        options: { plugin: 'welcome', field: 'st', value: '' },
        focused: 'field',
      })
      .response();
    expect(fields.data).toMatchObject({ choices: [{ name: 'style', value: 'style' }] });
    const values = await harness.emulator
      .invokeAutocomplete({
        guildId,
        userId: harness.driver.userId('owner'),
        name: 'settings',
        subcommand: 'set',
        options: { plugin: 'welcome', field: 'style', value: '' },
        focused: 'value',
      })
      .response();
    expect((values.data as { choices: { value: string }[] }).choices.map((choice) => choice.value)).toEqual(['plain', 'fancy', 'null']);
  });

  it('GIVEN null or reset THEN an optional field is cleared and others return to their defaults', async () => {
    await run('owner', 'set', { field: 'channelId', value: 'null' });
    expect((await settings()).channelId).toBeUndefined();
    await run('owner', 'reset', { field: 'maxPerDay' });
    expect((await settings()).maxPerDay).toBe(3);
    await run('owner', 'set', { field: 'greeting', value: 'Ahoy' });
    await run('owner', 'reset', {});
    expect(await settings()).toEqual({ greeting: 'Hello', style: 'plain', maxPerDay: 3 });
  });

  it('GIVEN a member without a grant THEN /settings refuses and changes nothing', async () => {
    const reply = await run('alice', 'set', { field: 'greeting', value: 'Hacked' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('Only authorized users');
    expect((await settings()).greeting).toBe('Hello');
  });

  it('GIVEN the guild set to French THEN the replies of /settings are French AND the command carries French localizations', async () => {
    await harness.services.settings.set(guildId, 'baseline', { locale: 'fr' });
    try {
      expect((await run('owner', 'set', { field: 'maxPerDay', value: '4' })).content).toBe('welcome.maxPerDay a été modifié.');
      expect((await run('owner', 'reset', {})).content).toBe('Tous les réglages de welcome sont revenus à leur valeur par défaut.');
      expect((await run('alice', 'view', {})).content).toMatch(/^Seuls les utilisateurs autorisés de ce serveur/);
    } finally {
      await harness.services.settings.set(guildId, 'baseline', { locale: 'en' });
    }
    const command = harness.emulator.commands().find((candidate) => candidate.body.name === 'settings');
    expect(command?.body.description_localizations).toMatchObject({ fr: 'Voir ou modifier les réglages des plugins de ce serveur' });
  });
});
