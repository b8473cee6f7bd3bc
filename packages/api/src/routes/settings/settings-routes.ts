import { mergeSettingsPatch } from '@baseline/core';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError, type FieldError } from '../../errors/api-error.js';
import { defineRoute } from '../../http/define-route.js';
import { guildParams, text } from '../../http/schemas.js';
import { unknownSettingsFields } from './unknown-settings-fields.js';

const allSettingsSchema = z.record(z.string(), z.record(z.string(), z.unknown())).describe('Settings by namespace (plugin id), defaults filled');

export const getSettingsRoute = defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id/settings',
  summary: "Every settings namespace of this guild, defaults filled",
  tags: ['settings'],
  access: 'guild',
  params: guildParams,
  responses: { 200: z.object({ settings: allSettingsSchema }) },
  async handler({ api, params }) {
    return { settings: await api.services.settings.getAll(params.guild_id) };
  },
});

export const getSettingRoute = defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id/settings/:key',
  summary: 'One settings namespace of this guild, defaults filled',
  tags: ['settings'],
  access: 'guild',
  params: guildParams.extend({ key: z.string().regex(/^[a-z][a-z0-9-]{0,44}$/, 'must be a settings namespace (a plugin id)') }),
  responses: { 200: z.object({ namespace: z.string(), value: z.record(z.string(), z.unknown()) }) },
  async handler({ api, params }) {
    const { settings } = api.services;
    if (settings.definition(params.key) === undefined) throw new ApiError(404, API_ERROR_CODES.notFound, 'no such settings namespace');
    return { namespace: params.key, value: await settings.get(params.guild_id, params.key) };
  },
});

export const putSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/guilds/:guild_id/settings',
  summary: 'Change settings: fields given are merged over the current values, per namespace; `null` clears a field (audited, announced to every bot)',
  description:
    'Every namespace in the body is validated before anything is stored: one invalid field rejects the whole request with 422 ' +
    'and field paths such as `moderation.maxWarnings`, and nothing is written.',
  tags: ['settings'],
  access: 'guild',
  params: guildParams,
  body: z.record(text(64), z.record(text(200), z.unknown())).describe('Partial settings by namespace, e.g. { "moderation": { "maxWarnings": 5 } }'),
  responses: { 200: z.object({ settings: allSettingsSchema }) },
  async handler({ api, params, body, caller }) {
    const { settings } = api.services;
    const guildId = params.guild_id;
    const fields: FieldError[] = [];
    const current: Record<string, Readonly<Record<string, unknown>>> = {};
    const merged: Record<string, Record<string, unknown>> = {};
    for (const [namespace, value] of Object.entries(body)) {
      const definition = settings.definition(namespace);
      if (definition === undefined) {
        fields.push({ path: namespace, message: 'unknown settings namespace' });
        continue;
      }
      // The published schema says `additionalProperties: false`: a field the namespace does not declare is refused,
      // never dropped in silence.
      const unknown = unknownSettingsFields(definition.schema, value, namespace);
      if (unknown.length > 0) {
        fields.push(...unknown.map((path) => ({ path, message: 'unknown settings field' })));
        continue;
      }
      current[namespace] = await settings.get(guildId, namespace);
      merged[namespace] = mergeSettingsPatch(definition, current[namespace], value);
      const parsed = definition.schema.safeParse(merged[namespace]);
      if (!parsed.success) {
        fields.push(...parsed.error.issues.map((issue) => ({ path: [namespace, ...issue.path.map(String)].join('.'), message: issue.message })));
      }
    }
    if (fields.length > 0) throw new ApiError(422, 'BL_ERR_SETTINGS_INVALID', 'the settings do not match their schema; nothing was stored', { fields });
    // Each namespace is stored whole (`replace`), merged over the value the registry holds for this process: that
    // cache follows every change announced by other processes, so the rows are not read a second time. A change
    // made elsewhere at the same moment can be overwritten, as it could between the registry's own read and write.
    // Every namespace and its audit entry are written in one transaction: all or nothing.
    const actorUserId = caller!.userId;
    await settings.setMany(guildId, merged, {
      actorUserId,
      replace: true,
      audit: (written) =>
        Object.entries(written).map(([namespace, after]) => ({ guildId, actorUserId, action: 'settings.update', target: namespace, before: current[namespace], after })),
    });
    return { settings: await settings.getAll(guildId) };
  },
});

export const settingsSchemaRoute = defineRoute({
  method: 'GET',
  url: '/settings/schema',
  summary: 'JSON Schema of every settings namespace, for generated forms',
  tags: ['settings'],
  access: 'user',
  responses: { 200: z.record(z.string(), z.unknown()) },
  handler({ api }) {
    return api.services.settings.jsonSchema();
  },
});
