import type { UsageRecord } from './usage-record.js';

/** Where batches of usage rows go. A rejected write is retried by the recorder with the same rows. */
export interface UsageSink {
  write(records: readonly UsageRecord[]): Promise<void>;
}
