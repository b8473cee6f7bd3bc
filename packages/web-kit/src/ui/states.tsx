import type { ReactNode } from 'react';
import { cn } from './cn.js';

/** What a page shows while its data loads. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 p-6 text-sm text-muted-foreground">
      <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden="true" />
      {label}
    </div>
  );
}

/** What a page shows when there is nothing to list. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-border p-6 text-center">
      <p className="font-medium">{title}</p>
      {children === undefined ? null : <div className="mt-1 text-sm text-muted-foreground">{children}</div>}
    </div>
  );
}

/** A message box; `tone="error"` for failures. */
export function Alert({ tone = 'info', title, children, className }: { tone?: 'info' | 'error'; title: string; children?: ReactNode; className?: string }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('rounded-md border p-3 text-sm', tone === 'error' ? 'border-destructive text-destructive-text' : 'border-border', className)}
    >
      <p className="font-medium">{title}</p>
      {children === undefined ? null : <div className="mt-1">{children}</div>}
    </div>
  );
}
