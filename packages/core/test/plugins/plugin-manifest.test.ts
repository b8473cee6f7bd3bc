import { describe, expect, it } from 'vitest';
import { pluginManifestSchema, supportsBaselineVersion } from '../../src/plugins/plugin-manifest.js';

describe('plugin manifest', () => {
  it('GIVEN a complete manifest THEN it parses', () => {
    const manifest = { entry: './dist/index.js', web: './dist/web.js', baselineVersion: '^0.1.0' };
    expect(pluginManifestSchema.parse(manifest)).toEqual(manifest);
  });

  it.each([
    [{ baselineVersion: '^0.1.0' }, 'entry'],
    [{ entry: '/abs/index.js', baselineVersion: '^0.1.0' }, 'entry'],
    [{ entry: './index.js', web: '../other/web.js', baselineVersion: '^0.1.0' }, 'web'],
    [{ entry: './index.js', baselineVersion: 'latest-please' }, 'baselineVersion'],
    [{ entry: './index.js' }, 'baselineVersion'],
  ])('GIVEN %j THEN %s is rejected', (manifest, field) => {
    const parsed = pluginManifestSchema.safeParse(manifest);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it.each([
    ['^0.1.0', '0.1.0', true],
    ['^0.1.0', '0.1.9', true],
    ['^0.1.0', '0.2.0', false],
    ['^0.1.0', '0.1.5-beta.1', true],
    ['^0.2.0-0', '0.2.0-beta.1', true],
    ['>=0.1.0', '1.0.0-rc.1', true],
    ['^1.0.0', '0.9.0', false],
  ])('GIVEN range %s and baseline %s THEN supported is %s', (range, version, expected) => {
    expect(supportsBaselineVersion(range, version)).toBe(expected);
  });
});
