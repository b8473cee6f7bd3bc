import { insertLlmUsage, type RowExecutor } from '@baseline/core';
import type { UsageSink } from './usage-sink.js';

/**
 * Writes usage rows to `llm_usage` through core's usage repository, one multi-row `insert` per batch. A row whose
 * `recordId` is stored already (the same batch written again after PostgreSQL's answer was lost) is skipped, so a
 * retry never bills twice.
 */
export function createSqlUsageSink(sql: RowExecutor): UsageSink {
  return {
    async write(records) {
      await insertLlmUsage(sql, records);
    },
  };
}
