import { describe, expect, it, vi } from 'vitest';
import { createTurnBatcher } from '../../src/async/turn-batcher.js';

/** A batcher that records its batches and its lone calls, doubling each key; `bad` keys fail. */
function recording(options: { maxBatchSize?: number; batchError?: Error; aloneAfter?: (error: unknown) => boolean } = {}) {
  const batches: number[][] = [];
  const lone: number[] = [];
  let running = 0;
  let overlapped = false;
  const batcher = createTurnBatcher<number, number>(
    async (keys) => {
      batches.push([...keys]);
      if (options.batchError) throw options.batchError;
      return keys.map((key) => (key < 0 ? new Error(`bad ${key}`) : key * 2));
    },
    {
      maxBatchSize: options.maxBatchSize ?? 100,
      alone: async (key) => {
        running += 1;
        overlapped ||= running > 1;
        lone.push(key);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
        if (key < 0) throw new Error(`bad ${key}`);
        return key * 2;
      },
      ...(options.aloneAfter ? { aloneAfter: options.aloneAfter } : {}),
    },
  );
  return { batcher, batches, lone, overlapped: () => overlapped };
}

describe('createTurnBatcher', () => {
  it('GIVEN calls in one turn THEN one batch in call order AND each caller gets its own result or error', async () => {
    const { batcher, batches } = recording();
    const outcomes = await Promise.allSettled([3, -1, 5, 3].map((key) => batcher.load(key)));
    expect(batches).toEqual([[3, -1, 5, 3]]);
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as Error).message))).toEqual([6, 'bad -1', 10, 6]);
  });

  it('GIVEN calls in different turns THEN each turn has its batch', async () => {
    const { batcher, batches } = recording();
    await batcher.load(1);
    await Promise.all([batcher.load(2), batcher.load(3)]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('GIVEN more calls than maxBatchSize THEN several batches, every call answered', async () => {
    const { batcher, batches } = recording({ maxBatchSize: 2 });
    expect(await Promise.all([1, 2, 3, 4, 5].map((key) => batcher.load(key)))).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('GIVEN a batch failing with an error aloneAfter accepts THEN each call runs alone, one after another in call order', async () => {
    const failure = Object.assign(new Error('refused'), { code: '22P02' });
    const { batcher, lone, overlapped } = recording({ batchError: failure, aloneAfter: (error) => error === failure });
    const outcomes = await Promise.allSettled([4, -2, 7].map((key) => batcher.load(key)));
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as Error).message))).toEqual([8, 'bad -2', 14]);
    expect(lone).toEqual([4, -2, 7]);
    expect(overlapped()).toBe(false);
  });

  it('GIVEN a batch failing with another error THEN every call rejects with it AND none runs again', async () => {
    const failure = new Error('connection lost');
    const { batcher, lone } = recording({ batchError: failure, aloneAfter: () => false });
    const outcomes = await Promise.allSettled([1, 2].map((key) => batcher.load(key)));
    expect(outcomes.map((outcome) => (outcome as PromiseRejectedResult).reason)).toEqual([failure, failure]);
    expect(lone).toEqual([]);
  });

  it('GIVEN fake timers THEN the batch is still sent', async () => {
    vi.useFakeTimers();
    try {
      const { batcher } = recording();
      expect(await Promise.all([batcher.load(1), batcher.load(2)])).toEqual([2, 4]);
    } finally {
      vi.useRealTimers();
    }
  });
});
