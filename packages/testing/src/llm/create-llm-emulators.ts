import { createLlmEmulator } from './create-llm-emulator.js';
import type { LlmProvider } from './replies.js';
import type { LlmEmulator, LlmEmulatorOptions } from './types.js';

/** One emulator per provider. */
export type LlmEmulators = Record<LlmProvider, LlmEmulator> & {
  /** Closes all four. */
  close(): Promise<void>;
};

/**
 * Starts the OpenAI, Anthropic, Gemini and xAI emulators together.
 *
 * @param options shared options (`knownModels`, `validate`) for all four
 * @example
 * ```ts
 * const llm = await createLlmEmulators();
 * new Anthropic({ apiKey: llm.anthropic.apiKey, baseURL: llm.anthropic.baseURL });
 * await llm.close();
 * ```
 */
export async function createLlmEmulators(options: Omit<LlmEmulatorOptions, 'provider' | 'apiKey' | 'port'> = {}): Promise<LlmEmulators> {
  const [openai, anthropic, gemini, xai] = await Promise.all([
    createLlmEmulator({ ...options, provider: 'openai' }),
    createLlmEmulator({ ...options, provider: 'anthropic' }),
    createLlmEmulator({ ...options, provider: 'gemini' }),
    createLlmEmulator({ ...options, provider: 'xai' }),
  ]);
  return {
    openai,
    anthropic,
    gemini,
    xai,
    async close() {
      await Promise.all([openai.close(), anthropic.close(), gemini.close(), xai.close()]);
    },
  };
}
