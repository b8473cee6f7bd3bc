import { isBaselineError, mergeSettingsPatch } from '@baseline/core';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError, type FieldError } from '../../errors/api-error.js';
import { defineRoute } from '../../http/define-route.js';
import { guildParams, text } from '../../http/schemas.js';
import { settingsChangedError, settingsChangedErrorSchema } from './settings-changed-error.js';
import { parseIfMatch, settingsEtag } from './settings-etag.js';
import { unknownSettingsFields } from './unknown-settings-fields.js';

const ETAG_HEADER = {
  ETag: 'The revision of the stored settings (strong, opaque); send it back in `If-Match` to change them only over this version',
};

const allSettingsSchema = z.record(z.string(), z.record(z.string(), z.unknown())).describe('Settings by namespace (plugin id), defaults filled');

export const getSettingsRoute = defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id/settings',
  summary: 'Every settings namespace of this guild, defaults filled',
  tags: ['settings'],
  access: 'guild',
  params: guildParams,
  responses: { 200: z.object({ settings: allSettingsSchema }) },
  headers: { response: ETAG_HEADER },
  async handler({ api, params, reply }) {
    // Read from PostgreSQL with the revision in one query, so the values and the ETag describe the same state.
    const { settings, revision } = await api.services.settings.getAllWithRevision(params.guild_id);
    reply.header('etag', settingsEtag(revision));
    return { settings };
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
    if (settings.definition(params.key) === undefined) throw new ApiError(API_ERROR_CODES.notFound, 'no such settings namespace', { status: 404 });
    return { namespace: params.key, value: await settings.get(params.guild_id, params.key) };
  },
});

export const putSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/guilds/:guild_id/settings',
  summary: 'Change settings: fields given are merged over the current values, per namespace; `null` clears a field (audited, announced to every bot)',
  description:
    'Every namespace in the body is validated before anything is stored: one invalid field rejects the whole request with 422 ' +
    'and field paths such as `moderation.maxWarnings`, and nothing is written. With `If-Match` (the `ETag` of GET), ' +
    'the change is stored only if nobody changed the settings since: otherwise 412 `BL_ERR_SETTINGS_CHANGED` names who did ' +
    '(`error.changed_by`) and nothing is written. Without it, the change is stored whatever happened meanwhile.',
  tags: ['settings'],
  access: 'guild',
  params: guildParams,
  body: z.record(text(64), z.record(text(200), z.unknown())).describe('Partial settings by namespace, e.g. { "moderation": { "maxWarnings": 5 } }'),
  responses: { 200: z.object({ settings: allSettingsSchema }), 412: settingsChangedErrorSchema },
  headers: {
    request: { 'If-Match': 'The `ETag` of GET …/settings: store only if the settings are still that version (412 otherwise)' },
    response: ETAG_HEADER,
  },
  async handler({ api, params, body, caller, request, reply }) {
    const { settings } = api.services;
    const guildId = params.guild_id;
    const ifMatch = parseIfMatch(request.headers['if-match']);
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
    if (fields.length > 0)
      throw new ApiError(API_ERROR_CODES.settingsInvalid, 'the settings do not match their schema; nothing was stored', { status: 422, fields });
    // Each namespace is stored whole (`replace`), merged over the value the registry holds for this process: that
    // cache follows every change announced by other processes, so the rows are not read a second time. A change
    // made elsewhere at the same moment can be overwritten, as it could between the registry's own read and write,
    // unless the caller sent If-Match: then the write is refused (412) when the stored settings are not that version.
    // Every namespace and its audit entry are written in one transaction: all or nothing.
    const actorUserId = caller.userId;
    // The username is kept with the audit entry, so a refused conditional write can say who changed the settings.
    const metadata = { actor_username: caller.session.user.username };
    let ifRevision: string | undefined;
    if (ifMatch.kind === 'revisions') {
      // Several tags: the one naming the stored revision, if any; the write re-checks it under a lock.
      const { revision } = ifMatch.revisions.length === 1 ? { revision: ifMatch.revisions[0] } : await settings.getAllWithRevision(guildId);
      if (revision === undefined || !ifMatch.revisions.includes(revision)) throw await settingsChangedError(api, guildId);
      ifRevision = revision;
    }
    // The answer (every namespace and the new revision) comes back from the write's own statement: no second read.
    const { settings: stored, revision } = await settings
      .setManyWithRevision(guildId, merged, {
        actorUserId,
        replace: true,
        ...(ifRevision === undefined ? {} : { ifRevision }),
        // Other processes drop their cached copy when the announcement reaches them, whether or not the answer
        // waits for it: answering right after the commit saves the request one Redis round trip.
        announcement: 'background',
        audit: (values) =>
          Object.entries(values).map(([namespace, after]) => ({
            guildId,
            actorUserId,
            action: 'settings.update',
            target: namespace,
            before: current[namespace],
            after,
            metadata,
          })),
      })
      .catch(async (error: unknown) => {
        if (isBaselineError(error, API_ERROR_CODES.settingsChanged)) throw await settingsChangedError(api, guildId);
        throw error;
      });
    reply.header('etag', settingsEtag(revision));
    return { settings: stored };
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
