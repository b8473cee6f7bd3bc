/**
 * Version markers that name a snapshot of a model priced like the model itself, removed in this order:
 * - OpenAI dated snapshots `-YYYY-MM-DD` (`gpt-5.4-mini-2026-03-17`);
 * - Anthropic dated ids `-YYYYMMDD` (`claude-haiku-4-5-20251001`);
 * - Gemini dated previews `-preview-MM-YYYY` and the older `-preview-MM-DD` (`gemini-2.5-flash-preview-09-2025`);
 * - moving aliases `-latest` (`claude-3-7-sonnet-latest`, `grok-4.3-latest`).
 */
const DATED: readonly RegExp[] = [/-\d{4}-\d{2}-\d{2}$/, /-\d{8}$/, /-preview-\d{2}-\d{2}(?:\d{2})?$/, /-latest$/];

/**
 * Markers that are not dates but still name the same priced model, removed after {@link DATED}:
 * - xAI `-beta` and `-MMDD` infixes or suffixes (`grok-4.20-beta-0309-non-reasoning`, `grok-4-0709`);
 * - Gemini stable revisions `-NNN` (`imagen-4.0-generate-001`) and an undated `-preview` suffix
 *   (`gemini-3-flash-preview` is priced for `gemini-3-flash` until a GA price exists).
 * A `-preview-<name>` inside an id (`gemini-2.5-flash-preview-tts`) is a different model and is kept.
 */
const COMPACT: readonly RegExp[] = [/-beta(?=-|$)/g, /-\d{4}(?=-|$)/g, /-\d{3}$/, /-preview$/];

function reduce(model: string, patterns: readonly RegExp[]): string {
  let out = model;
  for (const pattern of patterns) out = out.replace(pattern, '');
  return out;
}

/**
 * Names under which a model's price may be stored, most specific first: the id itself, then without its
 * date marker (see {@link DATED}), then without the other version markers (see {@link COMPACT}). Both the
 * requested id and stored ids are reduced this way before comparing, so `claude-haiku-4-5-20251001` finds
 * `claude-haiku-4-5` and `grok-4.20-reasoning` finds `grok-4.20-0309-reasoning`.
 *
 * @example
 * modelPriceKeys('gemini-2.5-flash-preview-09-2025') // ['gemini-2.5-flash-preview-09-2025', 'gemini-2.5-flash']
 */
export function modelPriceKeys(model: string): string[] {
  const keys = [model];
  const undated = reduce(model, DATED);
  if (undated !== '' && !keys.includes(undated)) keys.push(undated);
  const compact = reduce(undated, COMPACT);
  if (compact !== '' && !keys.includes(compact)) keys.push(compact);
  return keys;
}
