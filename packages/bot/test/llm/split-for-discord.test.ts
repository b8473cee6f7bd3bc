import { describe, expect, it } from 'vitest';
import { splitForDiscord } from '../../src/index.js';

describe('splitForDiscord', () => {
  it('GIVEN text within the limit THEN it is one message, unchanged', () => {
    expect(splitForDiscord('hello world')).toEqual(['hello world']);
  });

  it('GIVEN words past the limit THEN the cut falls on a space and no word is broken', () => {
    const text = Array.from({ length: 500 }, (_, index) => `w${index}`).join(' ');
    const pages = splitForDiscord(text, 100);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(100);
    expect(pages.join(' ')).toBe(text);
  });

  it('GIVEN a line break before the limit THEN the cut prefers it over a later space', () => {
    expect(splitForDiscord('first line\nsecond line is long', 24)).toEqual(['first line', 'second line is long']);
  });

  it('GIVEN a word longer than a message THEN it is cut at the limit', () => {
    expect(splitForDiscord('x'.repeat(25), 10).map((page) => page.length)).toEqual([10, 10, 5]);
  });

  it('GIVEN a cut inside a code block THEN the fence is closed and reopened with its language', () => {
    const code = ['```ts', ...Array.from({ length: 20 }, (_, index) => `let a${index} = ${index};`), '```'].join('\n');
    const pages = splitForDiscord(`intro\n${code}\noutro`, 120);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(120);
      expect((page.match(/^```/gm) ?? []).length % 2).toBe(0);
    }
    expect(pages[1]!.startsWith('```ts\n')).toBe(true);
    expect(pages.at(-1)!.endsWith('outro')).toBe(true);
  });

  it('GIVEN a growing text THEN pages already full keep their content (edits never rewrite earlier messages)', () => {
    const text = Array.from({ length: 400 }, (_, index) => `w${index}`).join(' ');
    const first = splitForDiscord(text.slice(0, 300), 100);
    const later = splitForDiscord(text, 100);
    expect(later.slice(0, first.length - 1)).toEqual(first.slice(0, -1));
  });
});
