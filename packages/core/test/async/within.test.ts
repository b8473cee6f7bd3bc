import { describe, expect, it } from 'vitest';
import { within } from '../../src/index.js';

describe('within: waiting for a promise at most so long', () => {
  it('GIVEN a promise that resolves in time THEN its value', async () => {
    await expect(within(Promise.resolve(42), 10_000)).resolves.toEqual({ settled: true, value: 42 });
  });

  it('GIVEN a promise that never settles THEN "not settled" once the time is up', async () => {
    await expect(within(new Promise<never>(() => {}), 5)).resolves.toEqual({ settled: false });
  });

  it('GIVEN a promise that rejects in time THEN the rejection', async () => {
    const failure = new Error('refused');
    await expect(within(Promise.reject(failure), 10_000)).rejects.toBe(failure);
  });

  it('GIVEN a promise that rejects after the time is up THEN "not settled" AND no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      let reject: (reason: Error) => void = () => {};
      const late = new Promise<never>((_, rejectLate) => (reject = rejectLate));
      await expect(within(late, 1)).resolves.toEqual({ settled: false });
      reject(new Error('too late'));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('GIVEN a deadline already past (negative ms) THEN "not settled" for a pending promise', async () => {
    await expect(within(new Promise<never>(() => {}), -50)).resolves.toEqual({ settled: false });
  });
});
