import type { LlmError } from '../errors/llm-error.js';
import { classifyProviderError } from '../resilience/classify-provider-error.js';
import type { ProviderStreamEvent } from '../providers/provider-adapter.js';
import type { LlmFinishReason, LlmToolCall } from '../types/messages.js';
import type { CompleteRequest } from '../types/requests.js';
import type { CompletionResult } from '../types/results.js';
import { usageOf, type UsageBuckets } from '../types/usage.js';
import type { LlmEngine } from './llm-engine.js';
import type { BudgetHold } from '../budgets/budget-hold.js';
import type { FemtoUsd } from '../money/femto-usd.js';
import { estimateTokens, textUsageEstimate } from './estimate-usage.js';
import { completionResult, providerTextRequest, requestMessages } from './text-request.js';

/** A text stream: iterate it for text deltas; `result` settles once the stream is finished and recorded. */
export interface LlmStream extends AsyncIterable<string> {
  /**
   * The full result (text, tool calls, usage, cost). It resolves after the last chunk, or, when the
   * consumer stopped early, once the rest was drained (or abandoned) and the usage row recorded.
   */
  readonly result: Promise<CompletionResult>;
}

/** Options of a stream request. */
export interface StreamRequest extends CompleteRequest {
  /**
   * What happens when the consumer stops reading early: `drain` reads the rest in the background so the
   * usage row carries the provider's exact figures; `abort` closes the connection and records the usage
   * seen so far, estimating what is missing (flagged `usageEstimated` in metadata).
   * @default 'drain'
   */
  onEarlyStop?: 'drain' | 'abort';
}

interface StreamState {
  text: string;
  usage: UsageBuckets | undefined;
  rawUsage: unknown;
  serviceTier: string | null;
  providerCost: FemtoUsd | null;
  finishReason: LlmFinishReason;
  toolCalls: LlmToolCall[];
  responseModel: string | undefined;
  providerContent: unknown;
}

function apply(state: StreamState, event: ProviderStreamEvent): void {
  if (event.type === 'text') state.text += event.text;
  else if (event.type === 'usage') {
    // Usage events are cumulative (Anthropic, Gemini) or final (OpenAI): the latest replaces the previous.
    state.usage = event.usage;
    state.rawUsage = event.rawUsage;
    state.serviceTier = event.serviceTier;
    state.providerCost = event.providerCost;
  } else {
    state.finishReason = event.finishReason;
    state.toolCalls = event.toolCalls;
    state.responseModel = event.responseModel;
    state.providerContent = event.providerContent;
  }
}

/**
 * Streams a text request. Retries and fallbacks apply until the first event arrives; after that an error
 * ends the stream (text already delivered cannot be taken back). Usage is recorded exactly once per
 * attempt, including when the consumer breaks out of the loop.
 */
export function streamText(engine: LlmEngine, request: StreamRequest): LlmStream {
  let resolveResult!: (value: CompletionResult) => void;
  let rejectResult!: (reason: unknown) => void;
  const result = new Promise<CompletionResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // Nobody has to await `result`; a failure still reaches the iterating consumer.
  result.catch(() => {});

  async function* generate(): AsyncGenerator<string> {
    let opened;
    let hold: BudgetHold | undefined;
    try {
      const messages = requestMessages(request);
      const chain = engine.chain(request, request, request.fallbacks);
      hold = await engine.startRequest(request, chain, textUsageEstimate(request, messages, chain));
      opened = await engine.run(chain, 'stream', request, request, async (handle) => {
        const { request: providerRequest, dropped } = providerTextRequest(request, messages, handle);
        const iterator = handle.target.adapter.stream(providerRequest);
        const first = await iterator.next();
        return { iterator, first, dropped, handle, promptChars: JSON.stringify(messages).length + (request.system?.length ?? 0) };
      });
    } catch (error) {
      if (hold) await engine.settleBudget(hold, 0n);
      rejectResult(error);
      throw error;
    }
    const budget = hold;
    const { value, target, attempts } = opened;
    const { iterator, handle } = value;
    const state: StreamState = {
      text: '',
      usage: undefined,
      rawUsage: undefined,
      serviceTier: null,
      providerCost: null,
      finishReason: 'other',
      toolCalls: [],
      responseModel: undefined,
      providerContent: undefined,
    };
    let finished = false;
    const settle = (extra: Record<string, unknown>, error?: LlmError): CompletionResult => {
      let usage = state.usage;
      const metadata: Record<string, unknown> = { ...extra, finishReason: state.finishReason };
      if (value.dropped.length) metadata.droppedParams = value.dropped;
      if (state.responseModel) metadata.responseModel = state.responseModel;
      if (!finished) {
        // Cut short: keep what the provider reported, fill in what it did not, and say so.
        const seen = usage ?? usageOf({});
        usage = {
          ...seen,
          inputTokens: seen.inputTokens || estimateTokens(value.promptChars),
          outputTokens: Math.max(seen.outputTokens, estimateTokens(state.text.length)),
        };
        metadata.usageEstimated = true;
      }
      const cost = engine.accounting.settle({
        target,
        requestType: 'stream',
        context: request,
        startedAt: handle.startedAt,
        startedOn: handle.startedOn,
        usage,
        serviceTier: state.serviceTier,
        rawUsage: state.rawUsage ?? null,
        providerCost: state.providerCost,
        budgeted: budget.applies,
        ...(error ? { error } : {}),
        metadata,
      });
      void engine.settleBudget(budget, cost.total);
      return completionResult(request, state, { target, attempts, startedAt: handle.startedAt, cost });
    };

    let step = value.first;
    let failed = false;
    try {
      while (!step.done) {
        apply(state, step.value);
        if (step.value.type === 'text') yield step.value.text;
        step = await iterator.next();
      }
      finished = true;
      resolveResult(settle({}));
    } catch (thrown) {
      failed = true;
      const error = classifyProviderError(target.provider, target.model, thrown).error;
      try {
        settle({ streamError: true }, error);
      } finally {
        rejectResult(error);
      }
      throw error;
    } finally {
      if (!finished && !failed) void stopEarly();
    }

    async function stopEarly(): Promise<void> {
      if (request.onEarlyStop === 'abort') {
        handle.abort(new Error('stream abandoned by its consumer'));
        await iterator.return?.(undefined).catch(() => undefined);
        finish();
        return;
      }
      const guard = setTimeout(() => handle.abort(new Error('stream drain timed out')), handle.timeoutMs);
      try {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) apply(state, next.value);
        finished = true;
      } catch {
        // The rest of the stream failed: record what was seen, estimated.
      } finally {
        clearTimeout(guard);
      }
      finish();
    }

    function finish(): void {
      try {
        resolveResult({ ...settle({ stoppedEarly: true }), stoppedEarly: true });
      } catch (error) {
        rejectResult(error);
      }
    }
  }

  const iterable = generate();
  return {
    result,
    [Symbol.asyncIterator]: () => iterable,
  };
}
