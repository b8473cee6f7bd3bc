import { setImmediate } from 'node:timers';
import DataLoader from 'dataloader';

/** Options of {@link createTurnBatcher}. */
export interface TurnBatcherOptions<K, V> {
  /** Most calls one batch takes; the rest go into the next batch, sent at the same time. */
  maxBatchSize: number;
  /**
   * Serves one call on its own. When given, a batch that rejects with an error `aloneAfter` accepts is served again
   * call by call, in call order, so each caller gets its own outcome; any other error rejects every call of the batch.
   */
  alone?: (key: K) => Promise<V>;
  /** Whether a batch's error leaves each call safe to run again on its own (nothing of the batch took effect). */
  aloneAfter?: (error: unknown) => boolean;
}

/** Batches calls; see {@link createTurnBatcher}. */
export interface TurnBatcher<K, V> {
  /** Adds a call to the batch of this turn and resolves with its own result. */
  load(key: K): Promise<V>;
}

/**
 * Batches the calls made during one turn of the event loop: `batch` receives every key of the turn, in call order, and
 * returns one result (or `Error`) per key. Under load this is what lets concurrent requests share one PostgreSQL round
 * trip (see the settings store and the API's guild lists). A call alone in its turn waits only for the turn's end.
 *
 * Built on `dataloader` with its cache off: every call is served by its own batch, never from an earlier one. The
 * batch is sent with `setImmediate` from `node:timers`, after the turn's I/O callbacks (the requests one Redis reply
 * answered may arrive in several socket reads), and a test's fake timers leave that one alone: a call never waits for
 * a test to move its clock.
 *
 * @example
 * ```ts
 * const lists = createTurnBatcher((userIds) => readListsOf(userIds), { maxBatchSize: 256 });
 * const mine = await lists.load(userId);
 * ```
 */
export function createTurnBatcher<K, V>(
  batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
  { maxBatchSize, alone, aloneAfter = () => false }: TurnBatcherOptions<K, V>,
): TurnBatcher<K, V> {
  const loader = new DataLoader<K, V>(
    async (keys) => {
      try {
        return await batch(keys);
      } catch (error) {
        if (alone === undefined || !aloneAfter(error)) return keys.map(() => toError(error));
        const outcomes: Array<V | Error> = [];
        for (const key of keys) outcomes.push(await alone(key).catch(toError));
        return outcomes;
      }
    },
    { cache: false, maxBatchSize, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
  return { load: (key) => loader.load(key) };
}

/** `error` itself when it is an `Error`, otherwise an `Error` with its text. */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
