import semver from 'semver';
import { z } from 'zod';
import { isSettingsDefinition } from '../settings/define-settings.js';
import { isStorageDefinition } from '../storage/define-storage.js';
import { toggleDefaultsSchema } from '../toggles/toggle-defaults.js';

/** Plugin ids: lowercase kebab case. */
export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** PostgreSQL names are at most 63 bytes and `plugin_<id>_migrations` adds 18. */
export const PLUGIN_ID_MAX_LENGTH = 45;

const pluginId = z.string().max(PLUGIN_ID_MAX_LENGTH).regex(PLUGIN_ID_PATTERN, 'must be lowercase kebab case, like "auto-moderation"');
const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function');

/** Language codes such as `en`, `fr`, `pt-BR`, `es-419`. */
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A tree whose leaves are strings. */
function isTranslationTree(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((child) => typeof child === 'string' || isTranslationTree(child));
}

const translationResources = z.record(
  z.string().regex(LANGUAGE, 'must be a language code such as "en", "fr" or "pt-BR"'),
  z.custom((value) => isTranslationTree(value), 'must be an object of strings (nested objects allowed)'),
);

/** The runtime check of a `definePlugin` object: what TypeScript cannot promise for plain JavaScript plugins. */
export const pluginDefinitionSchema = z
  .object({
    id: pluginId,
    name: z.string().min(1),
    version: z.string().refine((version) => semver.valid(version) !== null, 'must be a semver version'),
    description: z.string().optional(),
    cogs: z.array(fn).optional(),
    settings: z.custom((value) => isSettingsDefinition(value), 'must come from defineSettings()').optional(),
    storage: z.custom((value) => isStorageDefinition(value), 'must come from defineStorage()').optional(),
    toggles: toggleDefaultsSchema.optional(),
    entities: z.array(z.unknown()).optional(),
    migrations: z.array(z.object({ name: z.string().min(1), class: fn })).optional(),
    routes: fn.optional(),
    intents: z.array(z.union([z.string(), z.number()])).optional(),
    permissions: z.array(z.union([z.string(), z.bigint()])).optional(),
    dependencies: z.array(pluginId).optional(),
    optionalDependencies: z.array(pluginId).optional(),
    locales: translationResources.optional(),
    deleteUserData: fn.optional(),
    setup: fn.optional(),
    ready: fn.optional(),
    shutdown: fn.optional(),
  })
  .refine((plugin) => ![...(plugin.dependencies ?? []), ...(plugin.optionalDependencies ?? [])].includes(plugin.id), {
    message: 'a plugin cannot depend on itself',
    path: ['dependencies'],
  });
