import { describe, expect, it } from 'vitest';
import { changelogEntries } from '../src/support/changelog.js';

const CHANGELOG = `# @baseline/bot

## 0.2.0

### Minor Changes

- New option.

## 0.1.1

### Patch Changes

- Fixes the reply.

## 0.1.0

- First release.
`;

describe('changelogEntries', () => {
  it('GIVEN a changesets CHANGELOG THEN it returns the sections after the old version up to the new one, newest first', () => {
    expect(changelogEntries(CHANGELOG, '0.1.0', '0.2.0')).toEqual([
      { version: '0.2.0', text: '### Minor Changes\n\n- New option.' },
      { version: '0.1.1', text: '### Patch Changes\n\n- Fixes the reply.' },
    ]);
  });

  it('GIVEN an upgrade within a patch THEN only that section', () => {
    expect(changelogEntries(CHANGELOG, '0.1.0', '0.1.1').map((entry) => entry.version)).toEqual(['0.1.1']);
  });

  it('GIVEN the same version THEN nothing', () => {
    expect(changelogEntries(CHANGELOG, '0.2.0', '0.2.0')).toEqual([]);
  });
});
