import { describe, expect, it } from 'vitest';
import { csrfTokenMatches } from '../../src/http/csrf.js';

describe('CSRF token comparison', () => {
  it('GIVEN the exact token THEN it matches AND any other value, length, repeated header or none does not', () => {
    const token = 'a'.repeat(31) + 'b';
    expect(csrfTokenMatches(token, token)).toBe(true);
    expect(csrfTokenMatches('a'.repeat(32), token)).toBe(false);
    expect(csrfTokenMatches(token.slice(0, -1), token)).toBe(false);
    expect(csrfTokenMatches(`${token}x`, token)).toBe(false);
    expect(csrfTokenMatches([token, token], token)).toBe(false);
    expect(csrfTokenMatches(undefined, token)).toBe(false);
    // Same length in characters, different in bytes: refused without throwing.
    expect(csrfTokenMatches('é'.repeat(16), token.slice(0, 16))).toBe(false);
  });
});
