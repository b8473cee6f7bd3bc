/**
 * The LLM providers baseline ships an adapter for: the one list of provider ids. Config, `@baseline/llm`,
 * the API, stored rows (`llm_usage.provider`, `llm_model_pricing.provider`) and the price snapshot all use
 * these ids. Google's Gemini API is `gemini`; only its environment variables keep Google's names
 * (`GOOGLE_API_KEY`, `GOOGLE_GEMINI_BASE_URL`), mapped in `baseline-config.ts`.
 */
export const LLM_PROVIDERS = ['openai', 'anthropic', 'gemini', 'xai'] as const;

/** An LLM provider id (see {@link LLM_PROVIDERS}). */
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** True for one of {@link LLM_PROVIDERS}. */
export function isLlmProvider(value: unknown): value is LlmProvider {
  return typeof value === 'string' && (LLM_PROVIDERS as readonly string[]).includes(value);
}

/**
 * Key-value counter raised by whoever edits `llm_model_pricing` (the API's pricing route). Every LLM service
 * reads it when a request starts and reloads its prices when it moved, so the first request that starts
 * after an edit is billed at the new price, in every process sharing the store.
 */
export const LLM_PRICING_VERSION_KEY = 'llm:pricing-version';
