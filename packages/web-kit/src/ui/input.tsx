import type { InputHTMLAttributes, LabelHTMLAttributes, SelectHTMLAttributes } from 'react';
import { cn } from './cn.js';

const FIELD = 'rounded-md border border-input bg-background px-3 text-sm focus-visible:outline-2 focus-visible:outline-ring';

/** The field classes; a caller's own height or width replaces the default (full width, 2.5rem high). */
function fieldClass(className: string | undefined): string {
  return cn(FIELD, !/(^|\s)h-/.test(className ?? '') && 'h-10', !/(^|\s)w-/.test(className ?? '') && 'w-full', className);
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={fieldClass(className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={fieldClass(className)} {...props} />;
}

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn('text-sm font-medium', className)} {...props} />;
}
