// Test services: real PostgreSQL and Redis, isolated per test file.
export { createTestDatabase, type TestDatabase } from './services/test-database.js';
export { createTestRedis, type TestRedis } from './services/test-redis.js';
