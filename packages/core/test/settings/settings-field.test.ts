import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSettings } from '../../src/settings/define-settings.js';
import { SETTINGS_CHANNEL_TYPES_KEYWORD, SETTINGS_WIDGET_KEYWORD, settingsField } from '../../src/settings/settings-field.js';
import { allSettingsJsonSchema, settingsJsonSchema } from '../../src/settings/settings-json-schema.js';

const moderation = defineSettings(
  z.object({
    logChannelId: settingsField
      .channel({ types: [0, 5] })
      .optional()
      .describe('Where warnings are posted'),
    moderatorRoleIds: z.array(settingsField.role()).max(3).default([]),
    contactUserId: settingsField.member().optional(),
  }),
);

describe('settingsField', () => {
  it('GIVEN channel, role and member fields THEN their JSON Schema carries the widget keyword AND the channel types', () => {
    const properties = settingsJsonSchema(moderation).properties as Record<string, Record<string, unknown>>;
    expect(properties.logChannelId).toMatchObject({
      type: 'string',
      pattern: '^\\d{17,20}$',
      description: 'Where warnings are posted',
      [SETTINGS_WIDGET_KEYWORD]: 'channel',
      [SETTINGS_CHANNEL_TYPES_KEYWORD]: [0, 5],
    });
    expect(properties.moderatorRoleIds).toMatchObject({
      type: 'array',
      maxItems: 3,
      default: [],
      items: { type: 'string', [SETTINGS_WIDGET_KEYWORD]: 'role' },
    });
    expect(properties.contactUserId).toMatchObject({ type: 'string', [SETTINGS_WIDGET_KEYWORD]: 'member' });
    expect(properties.contactUserId).not.toHaveProperty(SETTINGS_CHANNEL_TYPES_KEYWORD);
  });

  it('GIVEN the schema of every namespace (what GET /settings/schema serves) THEN the keywords survive there too', () => {
    const all = allSettingsJsonSchema(new Map([['moderation', moderation]]));
    const properties = (all.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>).moderation!.properties;
    expect(properties.logChannelId![SETTINGS_WIDGET_KEYWORD]).toBe('channel');
  });

  it('GIVEN a value that is not a Discord id THEN validation fails naming what was expected', () => {
    const parsed = moderation.schema.safeParse({ logChannelId: '#general', moderatorRoleIds: ['12'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['logChannelId', 'must be a Discord channel id (17 to 20 digits)'],
      ['moderatorRoleIds.0', 'must be a Discord role id (17 to 20 digits)'],
    ]);
    expect(moderation.schema.parse({ logChannelId: '81384788765712384' }).logChannelId).toBe('81384788765712384');
  });
});
