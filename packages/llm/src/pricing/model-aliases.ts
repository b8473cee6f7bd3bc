/**
 * Names under which a model's price may be stored: the id itself, then without a date suffix
 * (`gpt-5.4-mini-2026-03-17` → `gpt-5.4-mini`), then with xAI's `-beta` and `-MMDD` infixes removed
 * (`grok-4.20-0309-reasoning` → `grok-4.20-reasoning`). Both the requested id and stored ids are reduced
 * this way before comparing.
 */
export function modelPriceKeys(model: string): string[] {
  const keys = [model];
  const undated = model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
  if (!keys.includes(undated)) keys.push(undated);
  const compact = undated.replace(/-beta(?=-|$)/g, '').replace(/-\d{4}(?=-|$)/g, '');
  if (!keys.includes(compact)) keys.push(compact);
  return keys;
}
