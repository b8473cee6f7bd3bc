/** The providers the LLM service speaks to. xAI goes through the openai SDK at xAI's base URL. */
export const LLM_PROVIDERS = ['openai', 'anthropic', 'gemini', 'xai'] as const;

export type LlmProviderName = (typeof LLM_PROVIDERS)[number];

export function isLlmProviderName(value: unknown): value is LlmProviderName {
  return typeof value === 'string' && (LLM_PROVIDERS as readonly string[]).includes(value);
}
