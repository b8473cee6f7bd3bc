import { z } from 'zod';
import { BaselineError } from '../errors/baseline-error.js';
import { buildConfig, type BaselineConfig } from './baseline-config.js';
import type { AnyConfigExtension as ConfigExtension } from './config-extension.js';
import { ConfigError, describeReceived, type ConfigIssue } from './config-error.js';
import { ENV_VARIABLES, envSchema, type EnvVariable, type EnvVariableName, type ParsedEnv } from './env-variables.js';
import { applyPodShards } from './pod-shards.js';
import { readEnvFiles } from './read-env-files.js';
import { attachExtensionSecrets } from './secrets-of.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /**
   * Directory holding the dotenv files.
   * @default process.cwd()
   */
  cwd?: string;
  /**
   * The real environment; it always wins over dotenv files.
   * @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Dotenv files read from `cwd`, later ones overriding earlier ones; `false` reads none.
   * @default ['.env', '.env.local']
   */
  envFiles?: readonly string[] | false;
  /** Plugins' extra variables, from `defineConfigExtension`. */
  extensions?: readonly ConfigExtension[];
  /**
   * Variables that must be set for this process, reported in the same error as invalid ones,
   * e.g. `PRODUCTION_REQUIRED_VARIABLES` when `NODE_ENV=production`.
   */
  require?: readonly string[];
}

/**
 * Reads, validates and freezes the configuration. Sources, strongest first: the real environment,
 * `.env.local`, `.env`. Values are trimmed and empty strings count as unset. `process.env` is not modified.
 *
 * @throws ConfigError `BL_ERR_CONFIG_INVALID` listing every invalid variable
 * @example
 * ```ts
 * const config = loadConfig();
 * config.health.port; // 8080 unless HEALTH_PORT is set
 * ```
 */
export function loadConfig(options: LoadConfigOptions = {}): BaselineConfig {
  const extensions = options.extensions ?? [];
  checkExtensionNames(extensions);
  const files = options.envFiles === false ? [] : (options.envFiles ?? ['.env', '.env.local']);
  const raw = {
    ...withoutEmpty(readEnvFiles(options.cwd ?? process.cwd(), files)),
    ...withoutEmpty(options.env ?? process.env),
  };

  const issues: ConfigIssue[] = [];
  const base = envSchema.safeParse(raw);
  if (!base.success) issues.push(...toIssues(base.error, raw, (name) => baselineVariable(name)));
  const extensionValues: Record<string, Record<string, unknown>> = {};
  const extensionSecretValues: string[] = [];
  for (const extension of extensions) {
    const result = extensionObject(extension).safeParse(raw);
    if (result.success) extensionValues[extension.id] = result.data;
    else issues.push(...toIssues(result.error, raw, (name) => extensionVariable(extension, name)));
    for (const name of extension.secrets) if (raw[name] !== undefined) extensionSecretValues.push(raw[name]);
  }
  let env = base.data;
  if (env !== undefined) {
    issues.push(...shardIssues(env, raw));
    const pod = applyPodShards(env, raw);
    env = pod.env;
    issues.push(...pod.issues);
  }
  for (const name of options.require ?? []) {
    if (raw[name] === undefined && !issues.some((issue) => issue.variable === name)) {
      issues.push({ variable: name, expected: 'a value (required here)', received: 'nothing', fix: fixFor(name, describe(name, extensions).example) });
    }
  }

  if (issues.length > 0 || env === undefined) throw new ConfigError(issues);
  const config = buildConfig(env, extensionValues);
  attachExtensionSecrets(config, extensionSecretValues);
  return config;
}

interface VariableInfo extends Pick<EnvVariable, 'expected' | 'secret'> {
  readonly example: string | undefined;
  readonly hasDefault: boolean;
}

function withoutEmpty(source: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    const trimmed = value?.trim();
    if (trimmed !== undefined && trimmed !== '') values[name] = trimmed;
  }
  return values;
}

function baselineVariable(name: string): VariableInfo | undefined {
  if (!Object.hasOwn(ENV_VARIABLES, name)) return undefined;
  const variable: EnvVariable = ENV_VARIABLES[name as EnvVariableName];
  return { ...variable, hasDefault: variable.schema.safeParse(undefined).data !== undefined };
}

function extensionVariable(extension: ConfigExtension, name: string): VariableInfo | undefined {
  if (!Object.hasOwn(extension.shape, name)) return undefined;
  return {
    expected: extension.expected[name] ?? '',
    secret: extension.secrets.includes(name) ? true : undefined,
    example: undefined,
    hasDefault: false,
  };
}

function describe(name: string, extensions: readonly ConfigExtension[]): VariableInfo {
  const found = baselineVariable(name) ?? extensions.map((extension) => extensionVariable(extension, name)).find(Boolean);
  return found ?? { expected: 'a value', example: undefined, hasDefault: false };
}

function toIssues(error: z.ZodError, raw: Record<string, string>, info: (name: string) => VariableInfo | undefined): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const zodIssue of error.issues) {
    const name = String(zodIssue.path[0] ?? '');
    if (issues.some((issue) => issue.variable === name)) continue;
    const variable = info(name);
    const custom = zodIssue.code === 'custom';
    // zod's own messages read `Too small: expected …`; keep what follows `expected`.
    const expected = variable?.expected || zodIssue.message.replace(/^[^:]*: expected /, '');
    issues.push({
      variable: name,
      expected,
      received: describeReceived(raw[name], variable?.secret),
      ...(custom ? { detail: zodIssue.message } : {}),
      fix: fixFor(name, variable?.example, variable?.hasDefault),
    });
  }
  return issues;
}

function fixFor(name: string, example: string | undefined, hasDefault = false): string {
  const set = example === undefined ? `set ${name} to a valid value` : `set it like ${name}=${example}`;
  return hasDefault ? `${set}, or unset it to use the default` : set;
}

function shardIssues(env: ParsedEnv, raw: Record<string, string>): ConfigIssue[] {
  const { SHARD_COUNT: count, SHARD_IDS: ids } = env;
  if (ids === undefined) return [];
  const detail =
    count === undefined ? 'SHARD_IDS needs SHARD_COUNT' : ids.some((id) => id >= count) ? `every id must be below SHARD_COUNT (${count})` : undefined;
  if (detail === undefined) return [];
  return [
    {
      variable: 'SHARD_IDS',
      expected: ENV_VARIABLES.SHARD_IDS.expected,
      received: describeReceived(raw.SHARD_IDS),
      detail,
      fix: 'set SHARD_COUNT to the total number of shards and SHARD_IDS to ids below it, or unset SHARD_IDS to run all shards',
    },
  ];
}

const extensionObjects = new WeakMap<ConfigExtension, z.ZodObject>();

function extensionObject(extension: ConfigExtension): z.ZodObject {
  let schema = extensionObjects.get(extension);
  if (schema === undefined) {
    schema = z.object(extension.shape);
    extensionObjects.set(extension, schema);
  }
  return schema;
}

function checkExtensionNames(extensions: readonly ConfigExtension[]): void {
  const owners = new Map<string, string>(Object.keys(ENV_VARIABLES).map((name) => [name, 'baseline']));
  const ids = new Set<string>();
  for (const extension of extensions) {
    if (ids.has(extension.id)) {
      throw new BaselineError(CORE_ERROR_CODES.config.extensionConflict, `two config extensions share the id "${extension.id}"`, {
        details: { extension: extension.id },
      });
    }
    ids.add(extension.id);
    for (const name of Object.keys(extension.shape)) {
      const owner = owners.get(name);
      if (owner !== undefined) {
        throw new BaselineError(
          CORE_ERROR_CODES.config.extensionConflict,
          `config extension "${extension.id}" declares ${name}, which ${owner === 'baseline' ? 'baseline' : `extension "${owner}"`} already owns`,
          { details: { extension: extension.id, variable: name, owner } },
        );
      }
      owners.set(name, extension.id);
    }
  }
}
