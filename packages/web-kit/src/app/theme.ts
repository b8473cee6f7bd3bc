const STORAGE_KEY = 'baseline-theme';

export type Theme = 'light' | 'dark';

/** The saved theme, else the system's preference. */
export function initialTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Applies a theme to the document (the `dark` class Tailwind's `dark:` variant reads) and saves it.
 *
 * The switch happens with CSS transitions turned off: controls with a colour transition would otherwise fade
 * for 150 ms through colours of neither theme, at contrast neither theme was checked for, while the rest of the
 * page has already changed.
 */
export function applyTheme(theme: Theme, save = true): void {
  const root = document.documentElement;
  if (save) globalThis.localStorage?.setItem(STORAGE_KEY, theme);
  // Already this theme (the usual case at start-up): nothing to restyle.
  if (root.classList.contains('dark') === (theme === 'dark')) return;
  const freeze = document.createElement('style');
  freeze.textContent = '*,*::before,*::after{transition:none!important}';
  document.head.append(freeze);
  root.classList.toggle('dark', theme === 'dark');
  // Reading a layout value makes the browser restyle the whole document now, while transitions are off;
  // removing the rule afterwards starts no transition, because no value changes any more.
  void document.body.offsetHeight;
  freeze.remove();
}
