// Test services: real PostgreSQL and Redis, isolated per test file.
export { createTestDatabase, type TestDatabase } from './services/test-database.js';
export { createTestRedis, type TestRedis } from './services/test-redis.js';
export { createTestRedisDatabase, type TestRedisDatabase } from './services/test-redis-database.js';

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
