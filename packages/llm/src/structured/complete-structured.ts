import { z } from 'zod';
import { LlmStructuredOutputError } from '../errors/llm-error.js';
import { toFemtoUsd, formatUsd } from '../money/femto-usd.js';
import type { LlmEngine } from '../service/llm-engine.js';
import { completeText } from '../service/complete-text.js';
import { requestMessages } from '../service/text-request.js';
import type { JsonSchema } from '../tools/define-tool.js';
import type { CompleteRequest } from '../types/requests.js';
import type { CompletionResult } from '../types/results.js';
import { dropNullOptionals, schemaForProvider } from './schema-dialects.js';

/** A structured request: a zod schema for the answer. Tools are not used. */
export interface CompleteStructuredRequest<Schema extends z.ZodType> extends Omit<CompleteRequest, 'tools' | 'toolChoice' | 'parallelToolCalls'> {
  schema: Schema;
  /** Name of the schema sent to providers that take one. @default 'response' */
  schemaName?: string;
  /** Re-ask once with the validation errors when the answer does not match. @default true */
  repair?: boolean;
}

/** The typed answer plus the usual call information (cost sums every attempt, repair included). */
export interface StructuredResult<T> extends CompletionResult {
  parsed: T;
}

function extractJson(text: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  return (fenced?.[1] ?? text).trim();
}

/**
 * Asks for JSON matching a zod schema: the provider's native JSON-schema mode where the model has one
 * (converted to its dialect), else the schema in the system prompt; then always validated locally.
 *
 * @throws LlmStructuredOutputError with the raw text and the issues when the answer does not validate.
 */
export async function completeStructured<Schema extends z.ZodType>(
  engine: LlmEngine,
  request: CompleteStructuredRequest<Schema>,
): Promise<StructuredResult<z.infer<Schema>>> {
  const base = z.toJSONSchema(request.schema, { target: 'draft-2020-12', io: 'output' }) as JsonSchema;
  delete base.$schema;
  const wrapped = base.type !== 'object';
  const schema: JsonSchema = wrapped ? { type: 'object', properties: { value: base }, required: ['value'], additionalProperties: false } : base;
  const name = request.schemaName ?? 'response';
  const format = { name, schema: (provider: string) => schemaForProvider(provider, schema), plain: schema };

  const attempt = async (messages: CompleteRequest['messages']) => {
    const result = await completeText(engine, { ...request, messages, prompt: undefined }, 'structured', format);
    let value: unknown;
    let issues: unknown[] = [];
    try {
      value = dropNullOptionals(JSON.parse(extractJson(result.text)), schema);
      if (wrapped) value = (value as { value?: unknown }).value;
      const parsed = request.schema.safeParse(value);
      if (parsed.success) return { result, parsed: parsed.data as z.infer<Schema>, issues };
      issues = parsed.error.issues;
    } catch (error) {
      issues = [{ message: `not JSON: ${(error as Error).message}` }];
    }
    return { result, parsed: undefined, issues };
  };

  const messages = requestMessages(request);
  const first = await attempt(messages);
  if (first.parsed !== undefined) return { ...first.result, parsed: first.parsed };
  if (request.repair === false) throw failure(first.result, first.issues);
  const second = await attempt([
    ...messages,
    { role: 'assistant', content: first.result.text },
    {
      role: 'user',
      content: `That reply did not match the required JSON schema: ${JSON.stringify(first.issues).slice(0, 2000)}. Reply again with corrected JSON only.`,
    },
  ]);
  const costUsd = formatUsd(toFemtoUsd(first.result.costUsd) + toFemtoUsd(second.result.costUsd));
  if (second.parsed !== undefined) {
    return { ...second.result, costUsd, attempts: [...first.result.attempts, ...second.result.attempts], parsed: second.parsed };
  }
  throw failure(second.result, second.issues);
}

function failure(result: CompletionResult, issues: unknown[]): LlmStructuredOutputError {
  return new LlmStructuredOutputError(
    `${result.provider}/${result.model}: the answer does not match the schema (${issues.length} issue${issues.length === 1 ? '' : 's'})`,
    { rawText: result.text, issues, details: { provider: result.provider, model: result.model } },
  );
}
