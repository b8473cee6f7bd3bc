const STORAGE_KEY = 'baseline-theme';

export type Theme = 'light' | 'dark';

/** The saved theme, else the system's preference. */
export function initialTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies a theme to the document (the `dark` class Tailwind's `dark:` variant reads) and saves it. */
export function applyTheme(theme: Theme, save = true): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
  if (save) globalThis.localStorage?.setItem(STORAGE_KEY, theme);
}
