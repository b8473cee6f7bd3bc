/**
 * Joins class names, skipping falsy ones. Hand-written instead of clsx + tailwind-merge: the kit's components
 * never pass conflicting utilities, so the join is all that is needed and the initial bundle stays smaller.
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
