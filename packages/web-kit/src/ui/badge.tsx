import type { HTMLAttributes } from 'react';
import { cn } from './cn.js';

const TONES = {
  neutral: 'bg-muted text-foreground',
  good: 'bg-success text-success-foreground',
  bad: 'bg-destructive text-destructive-foreground',
  warn: 'bg-warning text-warning-foreground',
} as const;

/** A small status label. */
export function Badge({ tone = 'neutral', className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: keyof typeof TONES }) {
  return <span className={cn('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium', TONES[tone], className)} {...props} />;
}
