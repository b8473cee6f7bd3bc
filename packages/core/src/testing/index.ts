// `@baseline/core/testing`: helpers for the tests of baseline and of plugins; nothing here is for production code.
export { createCaptureLogger, createLogCapture, type LogCapture, type LogLine } from './log-capture.js';

// Test services: real PostgreSQL and Redis, isolated per test file. `@baseline/testing` re-exports them; they live
// here so core's own tests use them without depending on the test kit, which depends on core.
export { createTestDatabase, type TestDatabase } from './test-database.js';
export { createTestRedis, type TestRedis } from './test-redis.js';
export { createTestRedisDatabase, type TestRedisDatabase } from './test-redis-database.js';
