import { createLlmEmulators, type LlmEmulators } from './create-llm-emulators.js';
import { llmEmulatorEnv } from './llm-emulator-env.js';

/** The LLM emulators standing in for real providers, and the variables that point the app at them. */
export interface OfflineLlm {
  emulators: LlmEmulators;
  /** `OPENAI_API_KEY`, `OPENAI_BASE_URL`, … for `loadConfig`. */
  env: Record<string, string>;
  /** The warning to log once the app has a logger. */
  warning: string;
}

/**
 * Development's offline default for LLMs, as the Discord emulator is for Discord: when no provider has an API
 * key and the app is not in production, starts the four provider emulators (their default answer echoes the
 * question) and returns the variables pointing the LLM service at them. Returns `undefined` otherwise.
 *
 * @example
 * ```ts
 * const offline = await startOfflineLlm(config);
 * if (offline) config = loadConfig({ env: { ...process.env, ...offline.env } });
 * ```
 */
export async function startOfflineLlm(config: {
  isProduction: boolean;
  llm: { apiKeys: Readonly<Record<string, string | undefined>> };
}): Promise<OfflineLlm | undefined> {
  if (config.isProduction || Object.values(config.llm.apiKeys).some((key) => key !== undefined)) return undefined;
  const emulators = await createLlmEmulators();
  return {
    emulators,
    env: llmEmulatorEnv(emulators),
    warning:
      'no LLM provider key is set (OPENAI_API_KEY, ANTHROPIC_API_KEY, GOOGLE_API_KEY, XAI_API_KEY): the LLM provider emulators from @baseline/testing answer instead, offline (answers echo the question). Set a key in .env to use a real provider.',
  };
}
