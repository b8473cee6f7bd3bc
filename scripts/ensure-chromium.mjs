// Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (playwright-core drives it;
// Playwright's own browser download is not used). Idempotent: does nothing when it is there. As root it runs
// `apt-get install -y chromium` (with `apt-get update` first when that install fails); otherwise it prints
// the command and exits 1. Node 20 compatible, no dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

function apt(args) {
  execFileSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Returns true when Chromium is (now) installed; false with the command printed when it cannot install it. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`[ensure-chromium] ${CHROMIUM_PATH} is missing. Install it as root: ${INSTALL_COMMAND}`);
    return false;
  }
  console.error(`[ensure-chromium] installing Debian's chromium (about 35 s)…`);
  try {
    apt(['install', '-y', '-q', 'chromium']);
  } catch {
    apt(['update', '-q']);
    apt(['install', '-y', '-q', 'chromium']);
  }
  return existsSync(CHROMIUM_PATH);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let ok = false;
  try {
    ok = ensureChromium();
  } catch (error) {
    console.error(`[ensure-chromium] install failed: ${error.message}. Run: ${INSTALL_COMMAND}`);
  }
  process.exit(ok ? 0 : 1);
}
