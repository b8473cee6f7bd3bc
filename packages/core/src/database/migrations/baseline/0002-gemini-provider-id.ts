import { Migration } from '@mikro-orm/migrations';

/**
 * Gemini's provider id is `gemini` everywhere (core's `LLM_PROVIDERS`). The API's pricing route used to
 * store Gemini prices as `google`, a provider id the LLM service never read: those rows are renamed, so
 * prices edited before the upgrade take effect. A row whose `gemini` twin already exists (same model and
 * start) is left as it was rather than dropped. Usage rows were always written as `gemini` by
 * `@baseline/llm`; any stray `google` ones are renamed too.
 *
 * Down gives the API's own rows (`source = 'api'`) their old id back, which is what the API before this
 * change reads; rows that were `gemini` before the upgrade are indistinguishable from renamed usage rows,
 * so usage keeps `gemini`.
 */
export class GeminiProviderId extends Migration {
  override up(): void {
    this.addSql(`update "llm_model_pricing" as p set "provider" = 'gemini'
      where p."provider" = 'google' and not exists (
        select 1 from "llm_model_pricing" as g
         where g."provider" = 'gemini' and g."model" = p."model" and g."effective_from" = p."effective_from")`);
    this.addSql(`update "llm_usage" set "provider" = 'gemini' where "provider" = 'google'`);
  }

  override down(): void {
    this.addSql(`update "llm_model_pricing" as p set "provider" = 'google'
      where p."provider" = 'gemini' and p."source" = 'api' and not exists (
        select 1 from "llm_model_pricing" as g
         where g."provider" = 'google' and g."model" = p."model" and g."effective_from" = p."effective_from")`);
  }
}
