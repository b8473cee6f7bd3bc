import type { UserDataErasureReport } from '@baseline/core';
import { describe, expect, it } from 'vitest';
import { formatErasure } from '../../src/index.js';

// The erasure report a user reads: one line per plugin with its outcome; a failure names the correlation id
// support can look up. The translate function here spells keys out, so each line shows which string it used.

const t = (key: string, vars?: Record<string, unknown>) => (vars === undefined ? key : `${key}${JSON.stringify(vars)}`);

function report(plugins: UserDataErasureReport['plugins']): UserDataErasureReport {
  return { userId: '1', requester: 'user', correlationId: 'corr-1', baseline: {} as UserDataErasureReport['baseline'], plugins, complete: false };
}

describe('formatErasure', () => {
  it('GIVEN erased, failed and non-compliant plugins THEN one line each under the done line, the failure with its reference', () => {
    const text = formatErasure(
      report([
        { plugin: 'a', status: 'erased', erased: { notes: 2 } },
        { plugin: 'b', status: 'failed', error: { code: undefined, message: 'boom' } },
        { plugin: 'c', status: 'not-compliant' },
      ]),
      t,
    );
    expect(text.split('\n')).toEqual([
      'privacy.done',
      '- privacy.pluginLine{"plugin":"a","outcome":"privacy.outcome.erased"}',
      '- privacy.pluginLine{"plugin":"b","outcome":"privacy.outcome.failed{\\"reference\\":\\"corr-1\\"}"}',
      '- privacy.pluginLine{"plugin":"c","outcome":"privacy.outcome.notCompliant"}',
    ]);
  });

  it('GIVEN no plugins THEN only the done line', () => {
    expect(formatErasure(report([]), t)).toBe('privacy.done');
  });
});
