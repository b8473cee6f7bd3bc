import { createLogger, definePlugin, loadPlugins } from '@baseline/core';
import { describe, expect, it } from 'vitest';
import { chooseApiHost } from '../src/api-host.js';
import { summarizePlugins } from '../src/plugin-summary.js';

describe('demo summary', () => {
  it('GIVEN a loaded and a skipped plugin THEN the summary lists both, the skipped one with its code and reason', () => {
    const result = loadPlugins({
      plugins: [
        definePlugin({ id: 'greeter', name: 'Greeter', version: '1.0.0' }),
        definePlugin({ id: 'needy', name: 'Needy', version: '1.0.0', dependencies: ['absent'] }),
      ],
      logger: createLogger({ service: 'test', level: 'silent' }),
    });
    const summary = summarizePlugins({ plugins: result.plugins, pluginFailures: result.failures });
    expect(summary.loaded.map((entry) => entry.id)).toEqual(['greeter']);
    expect(summary.skipped).toEqual([{ plugin: 'needy', code: 'BL_ERR_PLUGIN_DEPENDENCY_MISSING', reason: expect.stringContaining('absent') }]);
    expect(summary.text).toContain('plugins loaded (1): greeter');
    expect(summary.text).toContain('needy: BL_ERR_PLUGIN_DEPENDENCY_MISSING:');
  });

  it('GIVEN a bot token and no API_HOST THEN the API host is 0.0.0.0 with the reason said; offline it is 127.0.0.1; API_HOST always wins', () => {
    expect(chooseApiHost({}, false)).toEqual({ host: '0.0.0.0', reason: expect.stringContaining('DISCORD_BOT_TOKEN is set and API_HOST is not') });
    expect(chooseApiHost({}, true).host).toBe('127.0.0.1');
    expect(chooseApiHost({ API_HOST: '10.0.0.5' }, false)).toEqual({ host: '10.0.0.5', reason: 'API_HOST is set' });
  });
});
