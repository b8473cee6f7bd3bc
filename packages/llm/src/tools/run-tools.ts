import { formatUsd, toFemtoUsd } from '../money/femto-usd.js';
import { requestMessages } from '../service/text-request.js';
import type { LlmMessage, LlmToolCall } from '../types/messages.js';
import type { CompleteRequest } from '../types/requests.js';
import type { CompletionResult } from '../types/results.js';
import type { LlmToolDefinition } from './define-tool.js';

/** A tool loop request: tools with `execute`, and a step limit. */
export interface RunToolsRequest extends CompleteRequest {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tools of any argument type
  tools: readonly LlmToolDefinition<any, unknown>[];
  /**
   * Most model turns that may call tools; after the last one, the model is asked for a final answer with
   * tools disabled.
   * @default 5
   */
  maxSteps?: number;
}

/** The final answer, every step's result, the whole conversation, and the summed cost. */
export interface RunToolsResult extends CompletionResult {
  steps: CompletionResult[];
  /** The conversation including every tool call and result, to continue it later. */
  messages: LlmMessage[];
  /** True when the step limit ended the loop. */
  stepLimitReached: boolean;
}

async function runCall(tools: RunToolsRequest['tools'], call: LlmToolCall): Promise<LlmMessage> {
  const tool = tools.find((t) => t.name === call.name);
  const reply = (content: string, isError = false): LlmMessage => ({
    role: 'tool',
    toolCallId: call.id,
    name: call.name,
    content,
    ...(isError ? { isError } : {}),
  });
  if (!tool?.execute) return reply(`Error: no executable tool named "${call.name}"`, true);
  if (call.error) return reply(`Error: invalid arguments: ${call.error}`, true);
  try {
    const result = await tool.execute(call.arguments);
    return reply(typeof result === 'string' ? result : JSON.stringify(result ?? null));
  } catch (error) {
    return reply(`Error: ${(error as Error).message}`, true);
  }
}

/**
 * Runs the tool loop: ask, execute every call of the turn (in parallel), send the results back, and
 * repeat until the model answers without calls or `maxSteps` is reached. Invalid arguments and tool
 * exceptions go back to the model as error results, so it can correct itself.
 */
export async function runTools(complete: (request: CompleteRequest) => Promise<CompletionResult>, request: RunToolsRequest): Promise<RunToolsResult> {
  const maxSteps = request.maxSteps ?? 5;
  const messages = requestMessages(request);
  const steps: CompletionResult[] = [];
  for (let step = 0; ; step++) {
    const last = step >= maxSteps;
    const result = await complete({ ...request, prompt: undefined, messages: [...messages], ...(last ? { toolChoice: 'none' as const } : {}) });
    steps.push(result);
    messages.push(result.message);
    if (result.toolCalls.length === 0 || last) {
      const total = steps.reduce((sum, s) => sum + toFemtoUsd(s.costUsd), 0n);
      return {
        ...result,
        costUsd: formatUsd(total),
        attempts: steps.flatMap((s) => s.attempts),
        steps,
        messages,
        stepLimitReached: last,
      };
    }
    messages.push(...(await Promise.all(result.toolCalls.map((call) => runCall(request.tools, call)))));
  }
}
