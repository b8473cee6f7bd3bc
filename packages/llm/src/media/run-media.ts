import { LlmInvalidRequestError } from '../errors/llm-error.js';
import type { LlmEngine } from '../service/llm-engine.js';
import type { LlmRequestType } from '../usage/usage-record.js';
import type { LlmCallInfo } from '../types/results.js';
import type { MediaAdapter, MediaOutcome, MediaRequestBase } from './media-types.js';
import { DEFAULT_MEDIA_MODELS } from './default-media-models.js';
import { mediaUsageEstimate } from '../service/estimate-usage.js';

/**
 * One media call through the chain (budget reservation, rate limit, retries, fallbacks), priced and recorded like text:
 * its own request type, the model's media prices, and the billed quantity in `units`.
 */
export async function runMedia<T, R extends MediaRequestBase>(
  engine: LlmEngine,
  requestType: LlmRequestType,
  operation: keyof MediaAdapter,
  request: R,
  call: (media: MediaAdapter, model: string, signal: AbortSignal) => Promise<MediaOutcome<T>> | undefined,
): Promise<{ value: T; info: LlmCallInfo }> {
  const provider = request.provider ?? engine.defaultProvider;
  const model = request.model ?? DEFAULT_MEDIA_MODELS[provider]?.[operation];
  const chain = engine.chain({ provider, ...(model ? { model } : {}) }, request, request.fallbacks);
  const hold = await engine.startRequest(request, chain, mediaUsageEstimate(request, requestType));
  try {
    const { value, target, attempts } = await engine.run(chain, requestType, request, request, async (handle) => {
      const pending = call(handle.target.adapter.media, handle.target.model, handle.signal);
      if (!pending)
        throw new LlmInvalidRequestError(`${handle.target.provider} has no ${operation} endpoint`, { details: { provider: handle.target.provider } });
      return { outcome: await pending, startedAt: handle.startedAt, startedOn: handle.startedOn };
    });
    const { outcome } = value;
    const recorded = { provider: target.provider, model: outcome.recordAs ?? target.model };
    const cost = engine.accounting.settle({
      target: recorded,
      requestType,
      context: request,
      startedAt: value.startedAt,
      startedOn: value.startedOn,
      usage: outcome.usage,
      rawUsage: outcome.rawUsage,
      budgeted: hold.applies,
      ...(outcome.units !== undefined ? { units: outcome.units } : {}),
      ...(outcome.metadata ? { metadata: outcome.metadata } : {}),
    });
    await engine.settleBudget(hold, cost.total);
    return {
      value: outcome.value,
      info: {
        provider: target.provider,
        model: target.model,
        usage: cost.totals,
        costUsd: cost.costUsd,
        latencyMs: Math.round(performance.now() - value.startedAt),
        attempts,
      },
    };
  } finally {
    await engine.settleBudget(hold, 0n);
  }
}
