import { performance } from 'node:perf_hooks';
import { LlmError, LlmInvalidRequestError, LlmRateLimitedError, LlmTimeoutError } from '../errors/llm-error.js';
import { classifyProviderError, type ClassifiedError } from '../resilience/classify-provider-error.js';
import type { ProviderHolds } from '../resilience/provider-holds.js';
import type { ProviderRateLimiter } from '../resilience/provider-rate-limiter.js';
import { retryDelayMs, type RetryPolicy } from '../resilience/retry-policy.js';
import type { LlmCallContext } from '../types/requests.js';
import type { LlmRequestType } from '../usage/usage-record.js';
import type { LlmLogger } from './llm-logger.js';
import type { ResolvedTarget } from './resolve-target.js';
import type { UsageAccounting } from './usage-accounting.js';

/** Per-attempt timeout when neither the request nor the provider's configuration sets one. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** One attempt's handle: its signal aborts on the per-attempt timeout or the caller's signal. */
export interface AttemptHandle {
  target: ResolvedTarget;
  signal: AbortSignal;
  timeoutMs: number;
  /** `performance.now()` at the start of the attempt, for latency. */
  startedAt: number;
  /** The wall-clock start of the attempt: the attempt is priced by the prices in force then. */
  startedOn: Date;
  /** Aborts the attempt (a stream abandoned by its consumer). */
  abort(reason?: unknown): void;
}

/** A summary of every attempt of one request, in order. */
export interface AttemptSummary {
  provider: string;
  model: string;
  ok: boolean;
  errorCode?: string;
}

export interface RunContext {
  policy: RetryPolicy;
  limiter: ProviderRateLimiter | undefined;
  /** Wait hints remembered across requests; without it a hint only paces the request that received it. */
  holds?: ProviderHolds | undefined;
  accounting: UsageAccounting;
  logger: LlmLogger;
  requestType: LlmRequestType;
  context: LlmCallContext;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` against each target of the chain in turn. Per target: take a rate-limit slot, call, and on
 * a retryable failure wait (the provider's hint, else backoff with jitter) and call again, up to the
 * target's retry count. A failure that another target may not share moves down the chain; one that no
 * target can fix (bad request) or the caller's abort ends the run. Every failed attempt is recorded as a
 * usage row with status `error`; the successful one is recorded by the caller, who knows its usage.
 *
 * A wait hint also holds its provider/model for later requests (`run.holds`): a held target is not called.
 * It is skipped when a later target remains, waited for when it is the last one and the wait fits in
 * `maxRetryAfterMs`, and otherwise ends the run at once with {@link LlmRateLimitedError} naming when to retry.
 * A skipped target sent nothing, so it is neither an attempt nor a usage row.
 */
export async function runWithFallbacks<T>(
  chain: readonly ResolvedTarget[],
  run: RunContext,
  attempt: (handle: AttemptHandle) => Promise<T>,
): Promise<{ value: T; target: ResolvedTarget; attempts: AttemptSummary[] }> {
  const attempts: AttemptSummary[] = [];
  let lastError: LlmError | undefined;
  for (const [index, target] of chain.entries()) {
    const maxRetries = target.config.maxRetries ?? run.policy.maxRetries;
    for (let retry = 0; ; retry++) {
      const heldMs = run.holds?.remainingMs(target.provider, target.model) ?? 0;
      if (heldMs > 0) {
        // A retry has already waited for its own hint; it only waits out what another request learned since.
        if ((retry === 0 && index < chain.length - 1) || heldMs > run.policy.maxRetryAfterMs) {
          lastError = heldError(target, heldMs);
          run.logger.debug({ provider: target.provider, model: target.model, held_ms: heldMs }, 'llm target held by a wait hint, skipped');
          break;
        }
        run.logger.debug({ provider: target.provider, model: target.model, delay_ms: heldMs }, 'llm wait for a held target');
        await sleep(heldMs, run.signal);
      }
      const timeoutMs = run.timeoutMs ?? target.config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const startedAt = performance.now();
      const startedOn = new Date();
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new LlmTimeoutError(`${target.provider}/${target.model}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const onAbort = (): void => controller.abort(run.signal?.reason);
      run.signal?.addEventListener('abort', onAbort, { once: true });
      let classified: ClassifiedError;
      try {
        if (run.signal?.aborted) throw run.signal.reason;
        await run.limiter?.acquire(target.provider, timeoutMs, run.signal);
        const value = await attempt({
          target,
          signal: controller.signal,
          timeoutMs,
          startedAt,
          startedOn,
          abort: (reason) => controller.abort(reason),
        });
        attempts.push({ provider: target.provider, model: target.model, ok: true });
        return { value, target, attempts };
      } catch (thrown) {
        classified = timedOut
          ? {
              error: new LlmTimeoutError(`${target.provider}/${target.model}: no answer within ${timeoutMs} ms`, {
                details: { provider: target.provider, model: target.model },
              }),
              retryable: true,
              fallback: true,
              retryAfterMs: undefined,
            }
          : classifyProviderError(target.provider, target.model, thrown);
        if (thrown instanceof LlmError && thrown.kind === 'rate_limited') classified = { ...classified, retryable: false, fallback: true };
        run.signal?.removeEventListener('abort', onAbort);
      } finally {
        // The timer covers the call up to its result (for a stream: up to the first event); the caller's
        // abort keeps reaching a stream that is still being read.
        clearTimeout(timer);
      }
      const error = classified.error;
      attempts.push({ provider: target.provider, model: target.model, ok: false, errorCode: error.code });
      run.accounting.settle({
        target,
        requestType: run.requestType,
        context: run.context,
        startedAt,
        startedOn,
        error,
        metadata: { attempt: retry + 1, status: error.details?.status },
      });
      if (classified.retryAfterMs !== undefined && (error.kind === 'rate_limited' || error.kind === 'provider_unavailable')) {
        run.holds?.hold(target.provider, target.model, classified.retryAfterMs);
      }
      if (run.signal?.aborted) throw error;
      lastError = error;
      if (classified.retryable && retry < maxRetries) {
        const delay = retryDelayMs(run.policy, retry, classified.retryAfterMs);
        if (delay !== undefined) {
          run.logger.debug({ provider: target.provider, model: target.model, delay_ms: delay, retry: retry + 1 }, 'llm retry');
          await sleep(delay, run.signal);
          continue;
        }
      }
      if (!classified.fallback) throw error;
      break;
    }
  }
  throw lastError ?? new LlmInvalidRequestError('no LLM target to try');
}

function heldError(target: ResolvedTarget, heldMs: number): LlmRateLimitedError {
  const retryAt = new Date(Date.now() + heldMs).toISOString();
  return new LlmRateLimitedError(
    `${target.provider}/${target.model}: the provider asked not to be called before ${retryAt} (in ${Math.ceil(heldMs / 1000)} s); ` +
      'not sent. Retry after that time, or add a fallback for this request or cog.',
    { details: { provider: target.provider, model: target.model, retryAfterMs: heldMs, retryAt } },
  );
}
