import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TESTING_ERROR_CODES } from '../../src/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Error codes'), readme.indexOf('## References'));

describe('README error codes', () => {
  it('GIVEN the exported code table THEN the README lists every code in it, and no other', () => {
    const documented = [...section.matchAll(/^\| `(BL_ERR_\w+)` \|/gm)].map((match) => match[1]);
    const thrown = Object.values(TESTING_ERROR_CODES).flatMap((area) => Object.values(area));
    expect([...documented].sort()).toEqual([...thrown].sort());
  });
});
