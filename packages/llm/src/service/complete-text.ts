import type { CompleteRequest } from '../types/requests.js';
import type { CompletionResult } from '../types/results.js';
import type { LlmRequestType } from '../usage/usage-record.js';
import type { LlmEngine } from './llm-engine.js';
import { textUsageEstimate } from './estimate-usage.js';
import { completionResult, providerTextRequest, requestMessages, type ResponseFormatSpec } from './text-request.js';

/**
 * One text request through the chain: budget reservation, attempts with retries and fallbacks, then the
 * successful attempt's usage row, the budget settled at its cost, and a provider-neutral result.
 */
export async function completeText(
  engine: LlmEngine,
  request: CompleteRequest,
  requestType: LlmRequestType = request.tools?.length ? 'function_call' : 'text',
  responseFormat?: ResponseFormatSpec,
): Promise<CompletionResult & { nativeFormat: boolean }> {
  const messages = requestMessages(request);
  const chain = engine.chain(request, request, request.fallbacks);
  const hold = await engine.startRequest(request, chain, textUsageEstimate(request, messages, chain));
  try {
    const { value, target, attempts } = await engine.run(chain, requestType, request, request, async (handle) => {
      const { request: providerRequest, dropped } = providerTextRequest(request, messages, handle, responseFormat);
      const response = await handle.target.adapter.complete(providerRequest);
      return { response, dropped, startedAt: handle.startedAt, startedOn: handle.startedOn, nativeFormat: providerRequest.responseFormat !== undefined };
    });
    const { response } = value;
    const cost = engine.accounting.settle({
      target,
      requestType,
      context: request,
      startedAt: value.startedAt,
      startedOn: value.startedOn,
      usage: response.usage,
      serviceTier: response.serviceTier,
      rawUsage: response.rawUsage,
      providerCost: response.providerCost,
      budgeted: hold.applies,
      metadata: {
        finishReason: response.finishReason,
        ...(response.responseModel ? { responseModel: response.responseModel } : {}),
        ...(value.dropped.length ? { droppedParams: value.dropped } : {}),
        ...(attempts.length > 1 ? { attempt: attempts.length, fallbackFrom: attempts.filter((a) => !a.ok).map((a) => `${a.provider}/${a.model}`) } : {}),
      },
    });
    await engine.settleBudget(hold, cost.total);
    return { ...completionResult(request, response, { target, attempts, startedAt: value.startedAt, cost }), nativeFormat: value.nativeFormat };
  } finally {
    await engine.settleBudget(hold, 0n);
  }
}
