import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium.js';

/**
 * Debian's Chromium with the flags that keep it off the network (see the repo's toolchain notes); Playwright
 * gives it a fresh temporary profile.
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  return { browser, close: () => browser.close() };
}

/** axe-core's serious and critical violations on the page as it is now (id and the first offending element). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`);
}

/** Saves a full-page screenshot as `<dir>/<name>.png` for review. */
export async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Every `/api/` request the page sends from now on, as `METHOD path`. */
export function recordApiRequests(page: Page): { list: string[]; reset(): void } {
  const list: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) list.push(`${request.method()} ${url.pathname}`);
  });
  return { list, reset: () => void list.splice(0) };
}

/** Logs `userId` in through the dashboard's button and the emulator's consent page; resolves on the guild list. */
export async function logIn(context: BrowserContext, baseUrl: string, userId: string): Promise<Page> {
  const page = await context.newPage();
  // A script error in the dashboard shows in the test output next to the locator that then times out.
  page.on('pageerror', (error) => console.error(`[dashboard page error] ${error.message}`));
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: 'Log in with Discord' }).click();
  await page.locator(`a[data-user-id="${userId}"]`).click();
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole('heading', { name: /^Hello, / }).waitFor();
  return page;
}
