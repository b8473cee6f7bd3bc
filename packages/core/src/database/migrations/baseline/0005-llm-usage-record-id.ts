import { Migration } from '@mikro-orm/migrations';

/**
 * `llm_usage.record_id`: a key the LLM service gives every usage row when it is recorded. A batch whose insert
 * reached PostgreSQL but whose answer was lost (connection cut, statement timeout) is written again by the next
 * flush; the unique index turns that second write into a no-op, so no attempt is billed twice. Rows from before
 * this migration keep `null` (PostgreSQL's unique index allows any number of nulls).
 */
export class LlmUsageRecordId extends Migration {
  override up(): void {
    this.addSql('alter table "llm_usage" add column "record_id" uuid null');
    this.addSql('create unique index "llm_usage_record_id_unique" on "llm_usage" ("record_id")');
  }

  override down(): void {
    this.addSql('drop index if exists "llm_usage_record_id_unique"');
    this.addSql('alter table "llm_usage" drop column if exists "record_id"');
  }
}
