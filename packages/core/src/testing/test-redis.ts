import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { BaselineError } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** A Redis key prefix that belongs to one test file; its keys are deleted afterwards. */
export interface TestRedis {
  /** URL of the test Redis server. */
  url: string;
  /** A prefix no other test uses, ending in `:`, e.g. `bl_test:k3x9a1:`. */
  prefix: string;
  /** Deletes every key under the prefix. */
  cleanup(): Promise<void>;
}

/** Reserves a fresh key prefix on the test Redis server. */
export function createTestRedis(): TestRedis {
  const url = process.env.BASELINE_TEST_REDIS_URL;
  if (!url) {
    throw new BaselineError(
      CORE_ERROR_CODES.testServices.unconfigured,
      'BASELINE_TEST_REDIS_URL is not set. Run tests through `npm test` (or Vitest with the repo config), ' +
        'whose global setup finds or starts Redis, or set it to a server the tests may write to.',
    );
  }
  const prefix = `bl_test:${Date.now().toString(36)}${randomBytes(3).toString('hex')}:`;
  return {
    url,
    prefix,
    async cleanup() {
      const redis = new Redis(url);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
