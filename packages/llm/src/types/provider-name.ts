/**
 * Provider ids are core's one list (`openai`, `anthropic`, `gemini`, `xai`), re-exported here so the
 * package's own modules and its users import them from one place. xAI goes through the openai SDK.
 */
export { isLlmProvider, LLM_PROVIDERS, type LlmProvider } from '@baseline/core';
