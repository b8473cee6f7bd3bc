import type { LlmProvider } from '../types/provider-name.js';

/** What one model accepts; parameters outside it are dropped before the request is sent. */
export interface ModelCapabilities {
  temperature: boolean;
  topP: boolean;
  topK: boolean;
  /** presence / frequency penalties */
  penalties: boolean;
  stop: boolean;
  seed: boolean;
  reasoningEffort: boolean;
  /** OpenAI reasoning models take temperature only with `reasoning_effort: "none"` (GPT-5.1+). */
  temperatureWithNoReasoning: boolean;
  /** OpenAI-style field name for the output limit. */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  systemRole: 'system' | 'developer';
  tools: boolean;
  parallelToolSwitch: boolean;
  /** `tool_choice` naming a tool or requiring one. */
  forcedToolChoice: boolean;
  /** A native JSON-schema output mode exists (else the schema goes into the prompt). */
  nativeJsonSchema: boolean;
}

interface Rule {
  provider: LlmProvider;
  match: RegExp;
  caps: Partial<ModelCapabilities>;
}

const BASE: ModelCapabilities = {
  temperature: true,
  topP: true,
  topK: false,
  penalties: true,
  stop: true,
  seed: true,
  reasoningEffort: false,
  temperatureWithNoReasoning: false,
  maxTokensField: 'max_tokens',
  systemRole: 'system',
  tools: true,
  parallelToolSwitch: true,
  forcedToolChoice: true,
  nativeJsonSchema: true,
};

const OPENAI_REASONING: Partial<ModelCapabilities> = {
  temperature: false,
  topP: false,
  penalties: false,
  reasoningEffort: true,
  maxTokensField: 'max_completion_tokens',
  systemRole: 'developer',
};

/**
 * First matching rule wins; the table follows the provider reference (§8) and is the only place that
 * decides which parameter goes where. Unknown models get their provider's last (catch-all) rule.
 */
const RULES: readonly Rule[] = [
  // OpenAI: GPT-5.1+ (not -chat) take temperature when reasoning is off; gpt-5 / o-series never.
  { provider: 'openai', match: /^gpt-5-chat|^gpt-5\.\d+-chat/, caps: { maxTokensField: 'max_completion_tokens' } },
  { provider: 'openai', match: /^gpt-5\.\d+|^gpt-6/, caps: { ...OPENAI_REASONING, temperatureWithNoReasoning: true } },
  { provider: 'openai', match: /^gpt-5|^o\d/, caps: OPENAI_REASONING },
  { provider: 'openai', match: /^gpt-image|^dall-e|^tts|^whisper|^gpt-4o.*-(tts|transcribe)/, caps: { tools: false, nativeJsonSchema: false } },
  { provider: 'openai', match: /.*/, caps: { maxTokensField: 'max_completion_tokens' } },
  // xAI: grok-4.20 chooses reasoning by id and rejects reasoning_effort; reasoning models reject penalties/stop.
  { provider: 'xai', match: /^grok-4\.20.*non-reasoning/, caps: { parallelToolSwitch: false } },
  { provider: 'xai', match: /^grok-4\.20/, caps: { penalties: false, stop: false, parallelToolSwitch: false } },
  {
    provider: 'xai',
    match: /^grok-4\.(3|5|7)|reasoning|multi-agent/,
    caps: { penalties: false, stop: false, reasoningEffort: true, parallelToolSwitch: false },
  },
  { provider: 'xai', match: /.*/, caps: { parallelToolSwitch: false } },
  // Anthropic (API 2026-10-21): no sampling parameters at all; the 5.5 models reject forced tool use.
  {
    provider: 'anthropic',
    match: /^claude-(opus|sonnet)-5-5/,
    caps: { temperature: false, topP: false, topK: false, penalties: false, seed: false, forcedToolChoice: false, reasoningEffort: true },
  },
  { provider: 'anthropic', match: /.*/, caps: { temperature: false, topP: false, topK: false, penalties: false, seed: false, reasoningEffort: true } },
  // Gemini: thinking levels on 3.x; everything else accepted.
  { provider: 'gemini', match: /^gemini-3/, caps: { topK: true, reasoningEffort: true, parallelToolSwitch: false } },
  { provider: 'gemini', match: /.*/, caps: { topK: true, parallelToolSwitch: false } },
];

/** Capabilities of `model` at `provider`. */
export function modelCapabilities(provider: LlmProvider, model: string): ModelCapabilities {
  const rule = RULES.find((r) => r.provider === provider && r.match.test(model));
  return { ...BASE, ...rule?.caps };
}
