import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { KeyValueStore, Unsubscribe } from '../kv/key-value-store.js';
import type { AllSettings, BaselineSettings, SettingsOf } from './baseline-settings.js';
import { deepFreeze, isSettingsDefinition, type SettingsDefinition } from './define-settings.js';
import { mergeSettingsPatch, type SettingsPatch } from './merge-settings-patch.js';
import { resolveSettings } from './resolve-settings.js';
import { SettingsCache } from './settings-cache.js';
import { settingsRevision } from './settings-revision.js';
import type { AuditLogAppend } from '../database/repositories/audit-log-repository.js';
import { createSettingsAnnouncer } from './announce-settings-changes.js';
import { parseSettingsChange, SETTINGS_CHANGED_CHANNEL, type SettingsChange } from './settings-change.js';
import { SettingsError, SettingsValidationError, type SettingsIssue } from './settings-errors.js';
import { allSettingsJsonSchema, settingsJsonSchema, type JsonSchema } from './settings-json-schema.js';
import type { SettingsStore } from './store.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Options of {@link createSettingsRegistry}. */
export interface SettingsRegistryOptions {
  /** Where settings are persisted (PostgreSQL in production). */
  store: SettingsStore;
  /** Carries version counters and change announcements between processes. */
  kv: KeyValueStore;
  logger: Logger;
  /**
   * How long a resolved value stays in this process's cache, in milliseconds. Changes made by other processes
   * drop it at once through pub/sub; the TTL only bounds staleness if an announcement is lost. `0` disables
   * the cache.
   * @default 60_000
   */
  cacheTtlMs?: number;
  /**
   * Most cached guild namespaces; the oldest are dropped first.
   * @default 10_000
   */
  cacheMaxEntries?: number;
}

/** Options of {@link SettingsRegistry.set}. */
export interface SetSettingsOptions {
  /** The Discord user making the change, announced to listeners (the audit log). */
  actorUserId?: string;
  /**
   * Replace the whole namespace with the given object (absent fields fall back to defaults) instead of merging
   * it over the current value.
   * @default false
   */
  replace?: boolean;
}

/** Options of {@link SettingsRegistry.setMany}. */
export interface SetManySettingsOptions extends SetSettingsOptions {
  /**
   * Audit entries to record with the change, in the same transaction as the settings: called with every
   * namespace's validated new value once all of them passed.
   */
  audit?(written: Readonly<Record<string, Readonly<Record<string, unknown>>>>): readonly AuditLogAppend[];
  /**
   * Store only if the guild's stored settings still have this revision (from {@link SettingsRegistry.getAllWithRevision}),
   * compared under locks at write time; otherwise nothing is stored and `BL_ERR_SETTINGS_CHANGED` is thrown.
   */
  ifRevision?: string;
  /**
   * When the change is announced to other processes (and local listeners told, with the version the announcement
   * returns). `'awaited'`: before the call resolves, so a Redis failure rejects it (after the commit). `'background'`:
   * the call resolves once the write is committed and this process's cache holds the new values; the announcement
   * follows on its own, a failure logged. Other processes drop their cached copy when the announcement reaches
   * them in both cases (pub/sub is asynchronous), so only what happens in this process and to the caller differs;
   * the API's `PUT …/settings` uses `'background'` to answer one Redis round trip sooner. `close()` waits for
   * announcements still under way.
   * @default 'awaited'
   */
  announcement?: 'awaited' | 'background';
}

/** A guild's settings with the revision of what is stored, from one read of the store. */
export interface SettingsWithRevision {
  settings: AllSettings;
  /** Opaque; changes whenever any stored namespace of the guild changes (see `settingsRevision`). */
  revision: string;
}

/** Namespaces are plugin ids: lowercase kebab case. */
const NAMESPACE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Per-guild settings, validated by each namespace's schema, cached per process and kept coherent across them. */
export interface SettingsRegistry {
  /**
   * Adds a namespace.
   * @throws SettingsError `BL_ERR_SETTINGS_NAMESPACE_DUPLICATE` or `BL_ERR_SETTINGS_NAMESPACE_INVALID`.
   */
  register(namespace: string, definition: SettingsDefinition): void;
  /** Registered namespaces, in registration order. */
  namespaces(): string[];
  /** The definition of a namespace, if registered. */
  definition(namespace: string): SettingsDefinition | undefined;
  /**
   * A guild's complete settings of one namespace: stored fields over defaults. Stored fields that no longer
   * match the schema fall back to their defaults (logged). The returned object is frozen.
   * @throws SettingsError `BL_ERR_SETTINGS_NAMESPACE_UNKNOWN`.
   */
  get<Namespace extends keyof BaselineSettings | (string & {})>(guildId: string, namespace: Namespace): Promise<Readonly<SettingsOf<Namespace>>>;
  /** Every registered namespace of a guild. */
  getAll(guildId: string): Promise<AllSettings>;
  /**
   * Every registered namespace of a guild read from the store (never the cache) with the revision of what is
   * stored, both from one read: pass the revision back as `ifRevision` to write only over exactly this state.
   */
  getAllWithRevision(guildId: string): Promise<SettingsWithRevision>;
  /**
   * Validates and stores a change: `value` is merged over the current settings (or replaces them with
   * `replace`); a field given as `null` is cleared (optional fields become absent, others get their default;
   * see `mergeSettingsPatch`). On success the value is written, cached, and announced to every process; on failure nothing
   * is stored.
   * @throws SettingsValidationError `BL_ERR_SETTINGS_INVALID`, with paths like `moderation.maxWarnings`.
   * @example
   * ```ts
   * await settings.set(guildId, 'moderation', { maxWarnings: 5 }, { actorUserId });
   * ```
   */
  set<Namespace extends keyof BaselineSettings | (string & {})>(
    guildId: string,
    namespace: Namespace,
    value: SettingsPatch<SettingsOf<Namespace>>,
    options?: SetSettingsOptions,
  ): Promise<Readonly<SettingsOf<Namespace>>>;
  /**
   * Changes several namespaces of a guild at once, all or nothing: every namespace is validated first (one
   * `BL_ERR_SETTINGS_INVALID` listing every bad path, nothing stored), then all values and the `audit` entries are
   * written in one transaction, then every change is announced (one round trip on Redis). Returns the new values.
   * @throws SettingsValidationError `BL_ERR_SETTINGS_INVALID`; SettingsError `BL_ERR_SETTINGS_NAMESPACE_UNKNOWN`, or
   *   `BL_ERR_SETTINGS_CHANGED` when `ifRevision` no longer matches what is stored.
   * @example
   * ```ts
   * await settings.setMany(guildId, { moderation: { maxWarnings: 5 }, welcome: { enabled: true } }, { actorUserId });
   * ```
   */
  setMany(
    guildId: string,
    changes: Readonly<Record<string, Record<string, unknown>>>,
    options?: SetManySettingsOptions,
  ): Promise<Readonly<Record<string, Readonly<Record<string, unknown>>>>>;
  /**
   * {@link SettingsRegistry.setMany}, answering every namespace of the guild (defaults filled) with the revision of
   * what is stored right after the write, as {@link SettingsRegistry.getAllWithRevision} would. The PostgreSQL store
   * reads them in the write's own statement, so this costs no second read; other stores are read again.
   * @throws as {@link SettingsRegistry.setMany}.
   */
  setManyWithRevision(
    guildId: string,
    changes: Readonly<Record<string, Record<string, unknown>>>,
    options?: SetManySettingsOptions,
  ): Promise<SettingsWithRevision>;
  /** Calls `listener` after every change, local or announced by another process. Returns a remover. */
  onChange(listener: (change: SettingsChange) => void): () => void;
  /** The JSON Schema of every namespace (one object with a property per namespace). */
  jsonSchema(): JsonSchema;
  /** The JSON Schema of one namespace. */
  jsonSchema(namespace: string): JsonSchema;
  /** Stops listening for changes from other processes and empties the cache. */
  close(): Promise<void>;
}

/**
 * Creates the settings registry and subscribes it to change announcements, so the returned registry already
 * hears other processes' writes.
 *
 * @example
 * ```ts
 * const settings = await createSettingsRegistry({ store, kv, logger });
 * settings.register('moderation', moderationSettings);
 * const { maxWarnings } = await settings.get(guildId, 'moderation');
 * ```
 */
export async function createSettingsRegistry({
  store,
  kv,
  logger: parentLogger,
  cacheTtlMs = 60_000,
  cacheMaxEntries = 10_000,
}: SettingsRegistryOptions): Promise<SettingsRegistry> {
  const logger = parentLogger.child({ component: 'settings' });
  const origin = randomUUID();
  const definitions = new Map<string, SettingsDefinition>();
  const cache = new SettingsCache(cacheTtlMs, cacheMaxEntries);
  const listeners = new Set<(change: SettingsChange) => void>();

  function definitionOf(namespace: string): SettingsDefinition {
    const definition = definitions.get(namespace);
    if (definition === undefined) {
      throw new SettingsError(CORE_ERROR_CODES.settings.namespaceUnknown, `no settings namespace "${namespace}" is registered`, {
        details: {
          namespace,
        },
      });
    }
    return definition;
  }

  function resolve(guildId: string, namespace: string, stored: Record<string, unknown> | undefined) {
    const { value, replacedFields } = resolveSettings(definitionOf(namespace), stored);
    if (replacedFields.length > 0) {
      logger.warn(
        { guild_id: guildId, namespace, fields: replacedFields.map((field) => `${namespace}.${field}`) },
        'stored settings no longer match their schema; those fields use their defaults',
      );
    }
    return deepFreeze(value);
  }

  function notify(change: SettingsChange): void {
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (error) {
        logger.error({ err: error, guild_id: change.guildId, namespace: change.namespace }, 'settings listener failed');
      }
    }
  }

  function onAnnouncement(message: string): void {
    const change = parseSettingsChange(message);
    if (change === undefined) {
      logger.warn({ channel: SETTINGS_CHANGED_CHANNEL }, 'ignored a malformed settings change announcement');
      return;
    }
    if (change.origin === origin) return;
    cache.invalidate(change.guildId, change.namespace);
    logger.debug({ guild_id: change.guildId, namespace: change.namespace, version: change.version }, 'settings changed elsewhere');
    notify({ ...change, actorUserId: change.actorUserId, source: 'remote' });
  }

  const unsubscribe: Unsubscribe = await kv.subscribe(SETTINGS_CHANGED_CHANNEL, onAnnouncement);
  const announce = createSettingsAnnouncer(kv, origin);

  /** Validates `value` (merged over `current`) against its namespace's schema; issues are pushed to `issues`. */
  function validate(namespace: string, current: Record<string, unknown>, value: Record<string, unknown>, issues: SettingsIssue[]) {
    const definition = definitionOf(namespace);
    const parsed = definition.schema.safeParse(mergeSettingsPatch(definition, current, value));
    if (parsed.success) return deepFreeze(parsed.data) as Readonly<Record<string, unknown>>;
    issues.push(...parsed.error.issues.map((issue) => ({ path: [namespace, ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code })));
    return undefined;
  }

  // Background announcements still under way, awaited by close().
  const announcing = new Set<Promise<void>>();

  /** After a committed write: caches the new values, announces them to every process, tells local listeners. */
  async function written(
    guildId: string,
    values: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
    actorUserId: string | undefined,
    announcement: SetManySettingsOptions['announcement'] = 'awaited',
  ) {
    const namespaces = Object.keys(values);
    for (const namespace of namespaces) {
      cache.invalidate(guildId, namespace);
      cache.set(guildId, namespace, values[namespace]!);
    }
    const announced = announce(guildId, namespaces, actorUserId).then((versions) => {
      namespaces.forEach((namespace, index) => {
        const version = versions[index]!;
        logger.info({ guild_id: guildId, namespace, version, actor_user_id: actorUserId }, 'settings changed');
        notify({ guildId, namespace, version, actorUserId, source: 'local' });
      });
    });
    if (announcement === 'awaited') return announced;
    const pending = announced.catch((error: unknown) => {
      logger.error({ err: error, guild_id: guildId, namespaces }, 'settings stored but not announced; other processes see them when their cache expires');
    });
    announcing.add(pending);
    void pending.finally(() => announcing.delete(pending));
  }

  async function get(guildId: string, namespace: string): Promise<Readonly<Record<string, unknown>>> {
    definitionOf(namespace);
    const cached = cache.get(guildId, namespace);
    if (cached !== undefined) return cached;
    const generation = cache.generation();
    const value = resolve(guildId, namespace, await store.read(guildId, namespace));
    cache.fill(generation, guildId, namespace, value);
    return value;
  }

  function jsonSchema(namespace?: string): JsonSchema {
    return namespace === undefined ? allSettingsJsonSchema(definitions) : settingsJsonSchema(definitionOf(namespace));
  }

  /** Validates, stores (with the audit entries) and announces several namespaces; see `setMany`. */
  async function storeMany(guildId: string, changes: Readonly<Record<string, Record<string, unknown>>>, options: SetManySettingsOptions) {
    const namespaces = Object.keys(changes);
    for (const namespace of namespaces) definitionOf(namespace);
    // Merge over what is stored now (one read for every namespace), not over cached values that may be stale.
    const before = options.replace === true || namespaces.length === 0 ? {} : await store.readAll(guildId);
    const issues: SettingsIssue[] = [];
    const next: Record<string, Readonly<Record<string, unknown>>> = {};
    for (const namespace of namespaces) {
      const current = options.replace === true ? {} : resolve(guildId, namespace, before[namespace]);
      const value = validate(namespace, current, changes[namespace]!, issues);
      if (value !== undefined) next[namespace] = value;
    }
    if (issues.length > 0) throw new SettingsValidationError(guildId, namespaces.join(', '), issues);
    if (namespaces.length === 0) return { next, stored: undefined };
    const { written: wasStored, stored } = await store.writeMany(
      guildId,
      next,
      options.audit?.(next) ?? [],
      options.ifRevision === undefined ? {} : { ifRevision: options.ifRevision },
    );
    if (!wasStored) {
      throw new SettingsError(
        CORE_ERROR_CODES.settings.changed,
        `the settings of guild ${guildId} changed since revision ${options.ifRevision}; nothing was stored`,
        {
          details: { guildId, namespaces },
        },
      );
    }
    await written(guildId, next, options.actorUserId, options.announcement);
    return { next, stored };
  }

  const registry: SettingsRegistry = {
    register(namespace, definition) {
      if (!NAMESPACE.test(namespace)) {
        throw new SettingsError(
          CORE_ERROR_CODES.settings.namespaceInvalid,
          `settings namespace "${namespace}" must be lowercase kebab case (it is a plugin id)`,
          { details: { namespace } },
        );
      }
      if (definitions.has(namespace)) {
        throw new SettingsError(CORE_ERROR_CODES.settings.namespaceDuplicate, `settings namespace "${namespace}" is already registered`, {
          details: {
            namespace,
          },
        });
      }
      if (!isSettingsDefinition(definition)) {
        throw new SettingsError(CORE_ERROR_CODES.settings.definitionInvalid, `settings of "${namespace}" must come from defineSettings()`, {
          details: { namespace },
        });
      }
      definitions.set(namespace, definition);
    },

    namespaces: () => [...definitions.keys()],
    definition: (namespace) => definitions.get(namespace),

    get: get as SettingsRegistry['get'],

    async getAll(guildId) {
      const result: Record<string, Readonly<Record<string, unknown>>> = {};
      let stored: Record<string, Record<string, unknown>> | undefined;
      const generation = cache.generation();
      for (const namespace of definitions.keys()) {
        const cached = cache.get(guildId, namespace);
        if (cached !== undefined) {
          result[namespace] = cached;
          continue;
        }
        stored ??= await store.readAll(guildId);
        const value = resolve(guildId, namespace, stored[namespace]);
        cache.fill(generation, guildId, namespace, value);
        result[namespace] = value;
      }
      return result as AllSettings;
    },

    async getAllWithRevision(guildId) {
      const generation = cache.generation();
      const { values, revision } = await store.readAllWithRevision(guildId);
      const settings: Record<string, Readonly<Record<string, unknown>>> = {};
      for (const namespace of definitions.keys()) {
        settings[namespace] = resolve(guildId, namespace, values[namespace]);
        cache.fill(generation, guildId, namespace, settings[namespace]);
      }
      return { settings: settings as AllSettings, revision };
    },

    set: (async (guildId: string, namespace: string, value: Record<string, unknown>, options: SetSettingsOptions = {}) => {
      definitionOf(namespace);
      // Merge over what is stored now, not over a cached value that may be stale.
      const current = options.replace === true ? {} : resolve(guildId, namespace, await store.read(guildId, namespace));
      const issues: SettingsIssue[] = [];
      const next = validate(namespace, current, value, issues);
      if (next === undefined) throw new SettingsValidationError(guildId, namespace, issues);
      await store.write(guildId, namespace, next);
      await written(guildId, { [namespace]: next }, options.actorUserId);
      return next;
    }) as SettingsRegistry['set'],

    async setMany(guildId, changes, options = {}) {
      return (await storeMany(guildId, changes, options)).next;
    },

    async setManyWithRevision(guildId, changes, options = {}) {
      const { next, stored } = await storeMany(guildId, changes, options);
      if (stored === undefined) return registry.getAllWithRevision(guildId);
      // The written namespaces are cached already; the others are not cached from here, since the write's snapshot
      // may predate a change another process announced meanwhile.
      const settings: Record<string, Readonly<Record<string, unknown>>> = {};
      for (const namespace of definitions.keys()) settings[namespace] = next[namespace] ?? resolve(guildId, namespace, stored[namespace]);
      return { settings: settings as AllSettings, revision: settingsRevision(stored) };
    },

    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    jsonSchema: jsonSchema as SettingsRegistry['jsonSchema'],

    async close() {
      await Promise.all(announcing);
      listeners.clear();
      cache.clear();
      await unsubscribe();
    },
  };
  return registry;
}
