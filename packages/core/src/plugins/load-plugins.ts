import type { Logger } from 'pino';
import { formatIssues } from './format-issues.js';
import { isPlugin, type Plugin } from './define-plugin.js';
import type { LoadedPlugin, PluginCandidate, PluginFailure, PluginLoadResult } from './loaded-plugin.js';
import { pluginDefinitionSchema } from './plugin-definition-schema.js';
import { PluginError, PLUGIN_ERROR_CODES, type PluginIdentity } from './plugin-error.js';
import { pluginLogger, pluginMigrationsTable, pluginRoutePrefix, pluginSettingsNamespace } from './plugin-names.js';
import { orderPlugins } from './order-plugins.js';
import { recordFailure } from './record-failure.js';

/** Options of {@link loadPlugins}. */
export interface LoadPluginsOptions {
  /** Plugins imported by the app itself (or by a test), each the result of `definePlugin`. */
  plugins: readonly unknown[];
  logger: Logger;
}

interface Checked {
  candidate: PluginCandidate;
  plugin: Plugin;
  identity: PluginIdentity;
}

function where(candidate: PluginCandidate): string {
  return candidate.packageName === undefined ? 'a plugin passed directly' : `package "${candidate.packageName}"`;
}

/**
 * Validates plugins passed in directly, without discovery: the same checks as for discovered packages
 * (brand, definition, duplicate ids, dependencies, cycles) and the same dependency order.
 *
 * @example
 * ```ts
 * const { plugins, failures } = loadPlugins({ plugins: [welcome, moderation], logger });
 * ```
 */
export function loadPlugins({ plugins, logger }: LoadPluginsOptions): PluginLoadResult {
  return validatePlugins(
    plugins.map((plugin) => ({ plugin })),
    logger,
  );
}

/**
 * The checks every plugin passes before it is used, in order: brand, definition, unique id, required
 * dependencies present and loadable, no cycles. Failures are logged and returned; a failure cascades to every
 * plugin that requires the failed one.
 */
export function validatePlugins(candidates: readonly PluginCandidate[], logger: Logger, earlierFailures: readonly PluginFailure[] = []): PluginLoadResult {
  const failures: PluginFailure[] = [...earlierFailures];
  const fail = (error: PluginError) => recordFailure(failures, logger, error);
  const failedIds = new Set<string>();

  const checked: Checked[] = [];
  for (const candidate of candidates) {
    const maybeId = (candidate.plugin as { id?: unknown } | null)?.id;
    const identity = { packageName: candidate.packageName, pluginId: typeof maybeId === 'string' ? maybeId : undefined };
    if (!isPlugin(candidate.plugin)) {
      fail(new PluginError(PLUGIN_ERROR_CODES.notBranded, 'the entry must default-export definePlugin({...})', { plugin: identity }));
      continue;
    }
    const parsed = pluginDefinitionSchema.safeParse(candidate.plugin);
    if (!parsed.success) {
      fail(
        new PluginError(PLUGIN_ERROR_CODES.definitionInvalid, `invalid definition: ${formatIssues(parsed.error)}`, {
          plugin: identity,
          details: { issues: parsed.error.issues },
        }),
      );
      if (identity.pluginId !== undefined) failedIds.add(identity.pluginId);
      continue;
    }
    checked.push({ candidate, plugin: candidate.plugin, identity });
  }

  const byId = new Map<string, Checked[]>();
  for (const entry of checked) byId.set(entry.plugin.id, [...(byId.get(entry.plugin.id) ?? []), entry]);
  const present = new Map<string, Checked>();
  for (const [id, claimants] of byId) {
    if (claimants.length === 1) {
      present.set(id, claimants[0]!);
      continue;
    }
    // Loading either would be a guess, so neither loads.
    failedIds.add(id);
    for (const entry of claimants) {
      const others = claimants.filter((other) => other !== entry).map((other) => where(other.candidate));
      fail(
        new PluginError(PLUGIN_ERROR_CODES.duplicateId, `id "${id}" is also claimed by ${others.join(', ')}`, {
          plugin: entry.identity,
          details: { others: claimants.filter((other) => other !== entry).map((other) => other.candidate.packageName ?? null) },
        }),
      );
    }
  }

  // Required dependencies: repeat until stable, since each skipped plugin may strand its own dependents.
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, entry] of present) {
      const lacking = (entry.plugin.dependencies ?? []).find((dependency) => !present.has(dependency));
      if (lacking === undefined) continue;
      const failed = failedIds.has(lacking);
      fail(
        new PluginError(
          failed ? PLUGIN_ERROR_CODES.dependencyFailed : PLUGIN_ERROR_CODES.dependencyMissing,
          failed
            ? `requires plugin "${lacking}", which failed to load`
            : `requires plugin "${lacking}", which is not installed (add its package to the app's dependencies)`,
          { plugin: entry.identity, details: { dependency: lacking } },
        ),
      );
      present.delete(id);
      failedIds.add(id);
      changed = true;
    }
  }
  for (const entry of present.values()) {
    for (const optional of entry.plugin.optionalDependencies ?? []) {
      if (present.has(optional)) continue;
      const log = failedIds.has(optional) ? logger.warn.bind(logger) : logger.debug.bind(logger);
      log(
        { plugin: entry.plugin.id, package: entry.candidate.packageName, dependency: optional },
        failedIds.has(optional) ? 'optional plugin dependency failed; loading without it' : 'optional plugin dependency not installed',
      );
    }
  }

  const { ordered, cycles, blocked } = orderPlugins(
    [...present.values()].map(({ plugin }) => ({
      id: plugin.id,
      after: [...(plugin.dependencies ?? []), ...(plugin.optionalDependencies ?? [])].filter((id) => present.has(id)),
    })),
  );
  for (const cycle of cycles) {
    const circle = [...cycle, cycle[0]].join(' → ');
    for (const id of cycle) {
      fail(new PluginError(PLUGIN_ERROR_CODES.dependencyCycle, `dependency cycle ${circle}`, { plugin: present.get(id)!.identity, details: { cycle } }));
    }
  }
  const unplaced = new Set([...cycles.flat(), ...blocked]);
  for (const id of blocked) {
    const entry = present.get(id)!;
    const dependency = [...(entry.plugin.dependencies ?? []), ...(entry.plugin.optionalDependencies ?? [])].find((other) => unplaced.has(other));
    fail(
      new PluginError(PLUGIN_ERROR_CODES.dependencyFailed, `depends on plugin "${dependency}", which is in a dependency cycle`, {
        plugin: entry.identity,
        details: { dependency },
      }),
    );
  }

  const plugins = ordered.map((id, index): LoadedPlugin => {
    const { plugin, candidate } = present.get(id)!;
    logger.info({ plugin: id, package: candidate.packageName, version: plugin.version, order: index }, 'plugin loaded');
    return Object.freeze({
      id,
      plugin,
      packageName: candidate.packageName,
      packageDir: candidate.packageDir,
      manifest: candidate.manifest,
      webEntry: candidate.webEntry,
      logger: pluginLogger(logger, id),
      settingsNamespace: pluginSettingsNamespace(id),
      migrationsTable: pluginMigrationsTable(id),
      routePrefix: pluginRoutePrefix(id),
    });
  });
  return { plugins, failures };
}
