// Test services: real PostgreSQL and Redis, isolated per test file. They live in `@baseline/core/testing` (core's own
// tests use them, and core cannot depend on this package); the test kit hands them on so a test imports one package.
export {
  createTestDatabase,
  createTestRedis,
  createTestRedisDatabase,
  type TestDatabase,
  type TestRedis,
  type TestRedisDatabase,
} from '@baseline/core/testing';

// Errors: every code this package throws.
export { TESTING_ERROR_CODES, type TestingErrorCode } from './testing-error-codes.js';

// LLM provider emulators: OpenAI, Anthropic, Google Gemini and xAI for their official SDKs.
export { createLlmEmulator } from './llm/create-llm-emulator.js';
export { createLlmEmulators, type LlmEmulators } from './llm/create-llm-emulators.js';
export { llmEmulatorEnv } from './llm/llm-emulator-env.js';
export { startOfflineLlm, type OfflineLlm } from './llm/start-offline-llm.js';
export { llmReply } from './llm/replies.js';
export { llmFault } from './llm/faults.js';
export { toProviderUsage } from './llm/usage.js';
export type * from './llm/replies.js';
export type * from './llm/types.js';

// Discord emulator
export * from './discord/index.js';

// Standalone emulator: the `baseline-emulator` command and its web page.
export * from './standalone/index.js';

// Secrets the emulators handed out, for the run-wide log audit.
export { auditSecrets, registerAuditSecret, type AuditSecret } from './audit/audit-secrets.js';
