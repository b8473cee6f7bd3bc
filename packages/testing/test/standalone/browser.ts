import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';
const ensureScript = fileURLToPath(new URL('../../../../scripts/ensure-chromium.mjs', import.meta.url));

/**
 * Installs Debian's Chromium when missing (scripts/ensure-chromium.mjs) and launches it headless with a fresh
 * profile. Fails, never skips, when Chromium cannot be had.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; userDataDir: string }> {
  if (!existsSync(CHROMIUM)) {
    try {
      execFileSync(process.execPath, [ensureScript], { stdio: 'inherit', timeout: 300_000 });
    } catch {
      // Reported below with the command to run.
    }
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is required for the browser tests and is missing at ${CHROMIUM}. Install it: ${INSTALL}`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'baseline-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { context, userDataDir };
}
