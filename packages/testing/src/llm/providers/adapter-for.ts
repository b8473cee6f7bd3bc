import type { LlmProvider } from '../replies.js';
import { createAnthropicAdapter } from './anthropic/anthropic-adapter.js';
import { createGoogleAdapter } from './google/google-adapter.js';
import { createOpenAiAdapter } from './openai/openai-adapter.js';
import type { ProviderAdapter } from './provider-adapter.js';

/** The wire-format adapter for a provider. */
export function adapterFor(provider: LlmProvider): ProviderAdapter {
  switch (provider) {
    case 'openai':
    case 'xai':
      return createOpenAiAdapter(provider);
    case 'anthropic':
      return createAnthropicAdapter();
    case 'gemini':
      return createGoogleAdapter();
  }
}
