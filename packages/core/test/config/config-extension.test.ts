import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, defineConfigExtension, isBaselineError, loadConfig, secretsOf } from '../../src/index.js';

const weather = defineConfigExtension(
  'weather',
  {
    WEATHER_API_KEY: z.string().optional(),
    WEATHER_UNITS: z.enum(['metric', 'imperial']).default('metric'),
    WEATHER_CACHE_SECONDS: z.coerce.number().int().positive().default(300),
  },
  { secrets: ['WEATHER_API_KEY'], expected: { WEATHER_UNITS: 'metric or imperial' } },
);

describe('defineConfigExtension', () => {
  it('GIVEN an extension THEN its variables are validated, typed and readable through from()', () => {
    const config = loadConfig({ env: { WEATHER_UNITS: 'imperial', WEATHER_CACHE_SECONDS: '60' }, envFiles: false, extensions: [weather] });
    const values = weather.from(config);
    expect(values).toEqual({ WEATHER_UNITS: 'imperial', WEATHER_CACHE_SECONDS: 60 });
    expect(Object.isFrozen(values)).toBe(true);
  });

  it('GIVEN invalid baseline and extension variables THEN one ConfigError lists both, hiding extension secrets', () => {
    const secretKeyed = defineConfigExtension('keyed', { KEYED_TOKEN: z.string().min(40) }, { secrets: ['KEYED_TOKEN'] });
    let error: unknown;
    try {
      loadConfig({
        env: { HEALTH_PORT: '80a', WEATHER_UNITS: 'kelvin', KEYED_TOKEN: 'plugin-secret-value' },
        envFiles: false,
        extensions: [weather, secretKeyed],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect((error as ConfigError).issues.map((issue) => issue.variable)).toEqual(['HEALTH_PORT', 'WEATHER_UNITS', 'KEYED_TOKEN']);
    expect(message).toContain('WEATHER_UNITS: expected metric or imperial, got "kelvin"');
    expect(message).toContain('KEYED_TOKEN: expected string to have >=40 characters, got a hidden value of 19 characters');
    expect(message).toContain('got a hidden value of 19 characters');
    expect(message).not.toContain('plugin-secret-value');
  });

  it('GIVEN extension secrets THEN secretsOf includes them', () => {
    const config = loadConfig({ env: { WEATHER_API_KEY: 'weather-key-123456' }, envFiles: false, extensions: [weather] });
    expect(secretsOf(config)).toContain('weather-key-123456');
  });

  it('GIVEN a config loaded without the extension THEN from() fails with a coded error', () => {
    const config = loadConfig({ env: {}, envFiles: false });
    expect(() => weather.from(config)).toThrow(/was not loaded/);
    try {
      weather.from(config);
    } catch (error) {
      expect(isBaselineError(error, 'BL_ERR_CONFIG_EXTENSION_MISSING')).toBe(true);
    }
  });

  it('GIVEN an extension that redeclares a baseline variable THEN loading fails naming both', () => {
    const clash = defineConfigExtension('clash', { HEALTH_PORT: z.string() });
    expect(() => loadConfig({ env: {}, envFiles: false, extensions: [clash] })).toThrow(
      'config extension "clash" declares HEALTH_PORT, which baseline already owns',
    );
  });

  it('GIVEN two extensions declaring one variable THEN loading fails with BL_ERR_CONFIG_EXTENSION_CONFLICT', () => {
    const other = defineConfigExtension('other', { WEATHER_UNITS: z.string().optional() });
    let error: unknown;
    try {
      loadConfig({ env: {}, envFiles: false, extensions: [weather, other] });
    } catch (caught) {
      error = caught;
    }
    expect(isBaselineError(error, 'BL_ERR_CONFIG_EXTENSION_CONFLICT')).toBe(true);
    expect((error as Error).message).toContain('extension "weather"');
  });
});
