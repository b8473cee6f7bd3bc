import { descriptionId, errorId } from '@rjsf/utils';

/**
 * The label of a field: its schema `title` when it has one, otherwise the property name made readable
 * (`maxWarnings` → `Max warnings`, `log_channel_id` → `Log channel id`).
 */
export function fieldLabel(label: string, title: unknown): string {
  if (typeof title === 'string' && title !== '') return title;
  const words = label
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words === '' ? label : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The ids a control's `aria-describedby` lists: only the description and error elements actually rendered. */
export function describedBy(id: string, parts: { description?: unknown; errors?: readonly unknown[] | undefined }): string | undefined {
  const ids = [...(parts.description ? [descriptionId(id)] : []), ...(parts.errors !== undefined && parts.errors.length > 0 ? [errorId(id)] : [])];
  return ids.length > 0 ? ids.join(' ') : undefined;
}
