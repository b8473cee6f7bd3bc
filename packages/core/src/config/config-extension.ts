import type { z } from 'zod';
import { BaselineError } from '../errors/baseline-error.js';
import type { BaselineConfig } from './baseline-config.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** What `loadConfig` needs of any config extension, whatever its variables. */
export interface AnyConfigExtension {
  readonly id: string;
  readonly shape: z.ZodRawShape;
  readonly secrets: readonly string[];
  readonly expected: Readonly<Partial<Record<string, string>>>;
}

/** A plugin's own environment variables, validated by `loadConfig` together with baseline's. */
export interface ConfigExtension<Shape extends z.ZodRawShape = z.ZodRawShape> extends AnyConfigExtension {
  /** Where the values live in `config.extensions`; usually the plugin id. */
  readonly id: string;
  /** zod schemas keyed by variable name. Each receives the raw string, or `undefined` when unset. */
  readonly shape: Shape;
  /** Variables whose values are secrets: never echoed in errors, redacted from logs. */
  readonly secrets: readonly (keyof Shape & string)[];
  /** Human descriptions of valid values used in errors, e.g. `{ WEATHER_UNITS: 'metric or imperial' }`. */
  readonly expected: Readonly<Partial<Record<keyof Shape & string, string>>>;
  /**
   * This extension's validated values in a config loaded with it.
   *
   * @throws BaselineError `BL_ERR_CONFIG_EXTENSION_MISSING` when the config was loaded without this extension
   */
  from(config: BaselineConfig): Readonly<z.output<z.ZodObject<Shape>>>;
}

/**
 * Declares extra environment variables for a plugin. Pass the result to `loadConfig({ extensions })`: the
 * variables are read from the same environment and `.env` files, and their problems appear in the same
 * `ConfigError` as baseline's. Values arrive as trimmed strings (empty means unset), so use
 * `z.coerce.number()` and friends for other types.
 *
 * @param id where the values are stored in `config.extensions`; usually the plugin id
 * @param shape zod schemas keyed by variable name; names must not clash with baseline's or another extension's
 * @param options `secrets`: names whose values must never be echoed or logged; `expected`: descriptions for errors
 * @example
 * ```ts
 * export const weatherConfig = defineConfigExtension('weather', {
 *   WEATHER_API_KEY: z.string().optional(),
 *   WEATHER_UNITS: z.enum(['metric', 'imperial']).default('metric'),
 * }, { secrets: ['WEATHER_API_KEY'], expected: { WEATHER_UNITS: 'metric or imperial' } });
 *
 * const config = loadConfig({ extensions: [weatherConfig] });
 * weatherConfig.from(config).WEATHER_UNITS; // 'metric' | 'imperial'
 * ```
 */
export function defineConfigExtension<Shape extends z.ZodRawShape>(
  id: string,
  shape: Shape,
  options: {
    secrets?: readonly (keyof Shape & string)[];
    expected?: Partial<Record<keyof Shape & string, string>>;
  } = {},
): ConfigExtension<Shape> {
  return Object.freeze({
    id,
    shape,
    secrets: Object.freeze([...(options.secrets ?? [])]),
    expected: Object.freeze({ ...options.expected }) as ConfigExtension<Shape>['expected'],
    from(config: BaselineConfig) {
      const values = config.extensions[id];
      if (values === undefined) {
        throw new BaselineError(
          CORE_ERROR_CODES.config.extensionMissing,
          `config extension "${id}" was not loaded: pass it to loadConfig({ extensions: [...] })`,
          { details: { extension: id } },
        );
      }
      return values as Readonly<z.output<z.ZodObject<Shape>>>;
    },
  });
}
