import type { LlmEmulators } from './create-llm-emulators.js';

/**
 * The environment variables that point baseline's LLM service at the four provider emulators: each provider's
 * API key and base URL (Gemini's under Google's names, as baseline's configuration reads them).
 *
 * @example
 * ```ts
 * const emulators = await createLlmEmulators();
 * const config = loadConfig({ env: { ...process.env, ...llmEmulatorEnv(emulators) } });
 * ```
 */
export function llmEmulatorEnv(emulators: LlmEmulators): Record<string, string> {
  return {
    OPENAI_API_KEY: emulators.openai.apiKey,
    OPENAI_BASE_URL: emulators.openai.baseURL,
    ANTHROPIC_API_KEY: emulators.anthropic.apiKey,
    ANTHROPIC_BASE_URL: emulators.anthropic.baseURL,
    GOOGLE_API_KEY: emulators.gemini.apiKey,
    GOOGLE_GEMINI_BASE_URL: emulators.gemini.baseURL,
    XAI_API_KEY: emulators.xai.apiKey,
    XAI_BASE_URL: emulators.xai.baseURL,
  };
}
