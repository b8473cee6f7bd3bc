import { randomUUID } from 'node:crypto';
import { channel } from 'node:diagnostics_channel';
import type { LlmLogger } from '../service/llm-logger.js';
import type { UsageRecord } from './usage-record.js';
import type { UsageSink } from './usage-sink.js';

/** Options of {@link UsageRecorder}. */
export interface UsageRecorderOptions {
  sink: UsageSink;
  logger?: LlmLogger;
  /**
   * Rows per insert; a full batch is flushed at once.
   * @default 200
   */
  maxBatch?: number;
  /**
   * Longest a row waits in memory before being written, in milliseconds.
   * @default 1000
   */
  flushIntervalMs?: number;
  /**
   * Rows kept while the database is unreachable; beyond it the oldest are dropped (and logged).
   * @default 100000
   */
  maxBuffered?: number;
}

/**
 * Every recorded row is published here for metrics (`@baseline/bot`'s Prometheus counters subscribe); publishing
 * with no subscriber is a property read.
 */
export const usageRecordChannel = channel('baseline:llm:usage');

/**
 * Buffers usage rows and writes them in batches off the request path. `record()` is synchronous and never
 * throws; a failed write keeps the rows for the next flush. `close()` writes everything still buffered,
 * so a clean shutdown loses nothing.
 */
export class UsageRecorder {
  readonly #sink: UsageSink;
  readonly #logger: LlmLogger | undefined;
  readonly #maxBatch: number;
  readonly #flushIntervalMs: number;
  readonly #maxBuffered: number;
  #buffer: UsageRecord[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #closed = false;

  constructor(options: UsageRecorderOptions) {
    this.#sink = options.sink;
    this.#logger = options.logger;
    this.#maxBatch = options.maxBatch ?? 200;
    this.#flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.#maxBuffered = options.maxBuffered ?? 100_000;
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.#buffer.length;
  }

  /** Queues one row. Rows recorded after `close()` are written at once (best effort). */
  record(input: UsageRecord): void {
    const record = input.recordId === undefined ? { ...input, recordId: randomUUID() } : input;
    if (usageRecordChannel.hasSubscribers) usageRecordChannel.publish(record);
    this.#buffer.push(record);
    if (this.#buffer.length > this.#maxBuffered) {
      const dropped = this.#buffer.splice(0, this.#buffer.length - this.#maxBuffered);
      this.#logger?.error({ dropped: dropped.length }, 'llm usage buffer full: oldest rows dropped');
    }
    if (this.#closed || this.#buffer.length >= this.#maxBatch) this.#flushInBackground();
    else this.#timer ??= setTimeout(() => this.#flushInBackground(), this.#flushIntervalMs).unref();
  }

  /** Flush started by a timer or a full batch; failures are logged in `#drain` and retried later. */
  #flushInBackground(): void {
    this.flush().catch(() => undefined);
  }

  /** Writes buffered rows now; resolves when the rows present at the call are written or have failed. */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    // Flushes run one after another; a failed one does not stop the next.
    const run = (this.#flushing ?? Promise.resolve()).then(() => this.#drain());
    const tracked = run.catch(() => undefined);
    this.#flushing = tracked;
    void tracked.then(() => {
      if (this.#flushing === tracked) this.#flushing = undefined;
    });
    return run;
  }

  async #drain(): Promise<void> {
    while (this.#buffer.length > 0) {
      const batch = this.#buffer.splice(0, this.#maxBatch);
      try {
        await this.#sink.write(batch);
      } catch (error) {
        this.#buffer.unshift(...batch);
        this.#logger?.error({ err: error, rows: batch.length }, 'llm usage write failed; rows kept for the next flush');
        if (!this.#closed) this.#timer ??= setTimeout(() => this.#flushInBackground(), this.#flushIntervalMs).unref();
        throw error;
      }
    }
  }

  /**
   * Stops the timer and writes every buffered row, retrying a failing write up to `attempts` times.
   *
   * @default attempts 3
   */
  async close(attempts = 3): Promise<void> {
    this.#closed = true;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.flush();
        return;
      } catch (error) {
        if (attempt >= attempts) {
          this.#logger?.error({ err: error, rows: this.#buffer.length }, 'llm usage rows lost at shutdown');
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }
}
