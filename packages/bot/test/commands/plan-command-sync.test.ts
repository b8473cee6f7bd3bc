import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { formatCommandSyncPlan, normalizeCommand, planCommandSync } from '../../src/index.js';

const greet = new SlashCommandBuilder()
  .setName('greet')
  .setDescription('Say hello')
  .addStringOption((option) => option.setName('who').setDescription('Who'))
  .toJSON();

/** What Discord lists for a command: defaults filled in, ids added. */
function asDiscordLists(body: Record<string, unknown>, id: string) {
  return {
    ...body,
    id,
    application_id: '1',
    version: '2',
    type: 1,
    nsfw: false,
    contexts: [0, 1, 2],
    integration_types: [0],
    name_localizations: {},
    default_member_permissions: null,
    options: (body['options'] as Record<string, unknown>[]).map((option) => ({ ...option, required: false, name_localizations: null })),
  };
}

describe('normalizeCommand', () => {
  it('GIVEN a body and what Discord lists for it THEN they normalize equal', () => {
    expect(normalizeCommand(asDiscordLists(greet as never, '9'), greet as never)).toBe(normalizeCommand(greet as never));
  });

  it('GIVEN a changed description or option THEN they differ', () => {
    const live = asDiscordLists(greet as never, '9');
    expect(normalizeCommand({ ...live, description: 'Other' }, greet as never)).not.toBe(normalizeCommand(greet as never));
    const required = { ...greet, options: [{ ...greet.options![0]!, required: true }] };
    expect(normalizeCommand(live, required as never)).not.toBe(normalizeCommand(required as never));
  });

  it('GIVEN the desired command sets contexts THEN contexts are compared', () => {
    const desired = { ...greet, contexts: [0] };
    expect(normalizeCommand(asDiscordLists(greet as never, '9'), desired as never)).not.toBe(normalizeCommand(desired as never));
  });
});

describe('planCommandSync', () => {
  it('GIVEN desired and live commands THEN it plans creates, updates and deletes by name and type', () => {
    const wave = new SlashCommandBuilder().setName('wave').setDescription('Wave').toJSON();
    const live = [
      asDiscordLists(greet as never, '1'),
      { ...asDiscordLists(wave as never, '2'), description: 'Old' },
      { id: '3', name: 'gone', type: 1, description: 'x' },
    ];
    const fresh = new SlashCommandBuilder().setName('fresh').setDescription('New').toJSON();
    const plan = planCommandSync(null, [greet, wave, fresh], live as never);
    expect(plan.unchanged).toEqual(['greet']);
    expect(plan.update.map((entry) => [entry.id, entry.body.name])).toEqual([['2', 'wave']]);
    expect(plan.create.map((body) => body.name)).toEqual(['fresh']);
    expect(plan.delete).toEqual([{ id: '3', name: 'gone', type: 1 }]);
    expect(formatCommandSyncPlan([plan])).toBe(
      ['global: 1 to create, 1 to update, 1 to delete, 1 unchanged', '  + create /fresh', '  ~ update /wave', '  - delete /gone'].join('\n'),
    );
  });
});
