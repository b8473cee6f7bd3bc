import { allSettingsJsonSchema, defineSettings, settingsField, type SettingsDefinition } from '@baseline/core';
import { z } from 'zod';
import type { SettingsDiscordData, SettingsMember } from '../../src/settings/index.js';

/** Every JSON-Schema construct defineSettings produces, in one namespace. */
export const welcomeSettings = defineSettings(
  z.object({
    greeting: z.string().min(2).max(20).default('Hello'),
    code: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('ABC'),
    maxPerDay: z.number().int().min(0).max(10).default(3),
    ratio: z.number().min(0).max(1).default(0.5),
    enabled: z.boolean().default(false).describe('Greet people who join'),
    mode: z.enum(['quiet', 'loud']).default('quiet'),
    words: z.array(z.string().min(1)).max(3).default(['hi']),
    limits: z.object({ perUser: z.number().int().min(1).max(5).default(2) }).prefault({}),
    footer: z.string().max(50).optional(),
  }),
  { title: 'Welcome', description: 'How the bot greets newcomers' },
);

/** The three Discord pickers. */
export const moderationSettings = defineSettings(
  z.object({
    logChannelId: settingsField
      .channel({ types: [0] })
      .optional()
      .describe('Where warnings are posted'),
    moderatorRoleIds: z.array(settingsField.role()).max(2).default([]),
    contactUserId: settingsField.member().optional(),
  }),
  { title: 'Moderation' },
);

/** What `GET /api/v1/settings/schema` serves for these namespaces: core's own export, never hand-written JSON. */
export function schemaBody(definitions: Record<string, SettingsDefinition>): Record<string, unknown> {
  return allSettingsJsonSchema(new Map(Object.entries(definitions)));
}

export const CHANNELS = [
  { id: '100000000000000001', name: 'general', type: 0 },
  { id: '100000000000000002', name: 'Voice', type: 2 },
  { id: '100000000000000003', name: 'mod-log', type: 0 },
];
export const ROLES = [
  { id: '200000000000000001', name: '@everyone' },
  { id: '200000000000000002', name: 'Moderators' },
];
export const ALICE: SettingsMember = { id: '300000000000000001', username: 'alice', display_name: 'Alice' };

/** Discord data for the pickers; the member search records its queries. */
export function discordData(): SettingsDiscordData & { queries: string[] } {
  const queries: string[] = [];
  return {
    channels: CHANNELS,
    roles: ROLES,
    queries,
    async searchMembers(query) {
      queries.push(query);
      return [ALICE, { id: '300000000000000002', username: 'alfred' }].filter((member) => member.username.startsWith(query));
    },
  };
}
