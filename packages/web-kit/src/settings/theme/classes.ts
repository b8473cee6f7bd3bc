// The Tailwind classes of the settings forms, in one place. They use the kit's colour tokens (`src/styles.css`:
// `bg-background`, `text-muted-foreground`, `border-input`, …), so light and dark themes are the same class names.
// Every control is full width and rows wrap, so forms work at 375 px.

export const inputClass =
  'h-10 w-full min-w-0 rounded-md border border-input bg-background px-3 text-sm text-foreground ' +
  'focus-visible:outline-2 focus-visible:outline-ring aria-[invalid=true]:border-destructive ' +
  'disabled:cursor-not-allowed disabled:opacity-60';

export const checkboxClass = 'mt-0.5 size-4 shrink-0 accent-primary focus-visible:outline-2 focus-visible:outline-ring';

export const labelClass = 'block text-sm font-medium text-foreground';

export const hintClass = 'text-sm text-muted-foreground';

export const errorTextClass = 'text-sm text-destructive-text';

export const legendClass = 'text-sm font-semibold text-foreground';

export const groupClass = 'flex min-w-0 flex-col gap-3 rounded-md border border-border p-3 sm:p-4';

export const buttonClass =
  'inline-flex h-8 items-center justify-center rounded-md border border-border bg-background px-3 text-sm font-medium ' +
  'hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-50';

export const primaryButtonClass =
  'inline-flex h-10 items-center justify-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground ' +
  'hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-50';

/** Tones of the message above a form. */
export const noticeClass = {
  success: 'rounded-md border border-success p-3 text-sm text-foreground',
  error: 'rounded-md border border-destructive p-3 text-sm text-destructive-text',
  conflict: 'rounded-md border border-warning p-3 text-sm text-foreground',
} as const;

export const sectionClass = 'flex min-w-0 flex-col gap-4 rounded-lg border border-border bg-card p-4 text-card-foreground shadow-sm sm:p-6';
